// The rule registry: every rule, in the order of the format's rule table.
import type { Rule } from '../engine/rule.js';
import frontmatterSchema from './frontmatter-schema.js';
import requiredSections from './required-sections.js';
import impactNarrative from './impact-narrative.js';
import timelineOrder from './timeline-order.js';
import timelineMilestones from './timeline-milestones.js';
import fiveWhysProblem from './five-whys-problem.js';
import fiveWhysTree from './five-whys-tree.js';
import fiveWhysDepth from './five-whys-depth.js';
import fiveWhysLeafAction from './five-whys-leaf-action.js';
import detectionReview from './detection-review.js';
import detectionAction from './detection-action.js';
import dependencyReview from './dependency-review.js';
import lessonsHaveActions from './lessons-have-actions.js';
import actionItemFields from './action-item-fields.js';
import actionItemTermDue from './action-item-term-due.js';
import actionItemValidated from './action-item-validated.js';
import actionItemOverdue from './action-item-overdue.js';
import referencesExist from './references-exist.js';
import noPlaceholders from './no-placeholders.js';
import blamelessLanguage from './blameless-language.js';
import noSecrets from './no-secrets.js';
import customerTerms from './customer-terms.js';

export const RULES: readonly Rule[] = [
  frontmatterSchema,
  requiredSections,
  impactNarrative,
  timelineOrder,
  timelineMilestones,
  fiveWhysProblem,
  fiveWhysTree,
  fiveWhysDepth,
  fiveWhysLeafAction,
  detectionReview,
  detectionAction,
  dependencyReview,
  lessonsHaveActions,
  actionItemFields,
  actionItemTermDue,
  actionItemValidated,
  actionItemOverdue,
  referencesExist,
  noPlaceholders,
  blamelessLanguage,
  noSecrets,
  customerTerms,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
