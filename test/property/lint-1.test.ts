// Half of the lint property tests (test/property/lint-property.ts).
import { lintProperty } from './lint-property.js';

lintProperty(0, 2);
