// Detection: three level-3 subsections found by keywords in their headings.
import type { Heading, RootContent } from 'mdast';
import type { DetectionModel, DetectionQuestion } from '../model/types.js';
import { countWords, rangeOf, textOf } from '../model/text.js';
import type { SectionInput } from './context.js';

export const DETECTION_KEYWORDS: Record<DetectionQuestion, string[]> = {
  speed: ['fast', 'speed', 'time to detect', 'quick'],
  observability: ['metric', 'observab', 'customer experience'],
  similar: ['similar', 'recur', 'future'],
};

export const DETECTION_HEADINGS: Record<DetectionQuestion, string> = {
  speed: 'Was detection fast enough?',
  observability: 'Did our metrics reflect the customer experience?',
  similar: 'Would we detect similar events?',
};

export function parseDetection(input: SectionInput): DetectionModel {
  const model: DetectionModel = { answers: [], otherHeadings: [], references: [], range: input.range };
  const groups = splitAtHeadings(input.nodes);
  const titles = groups.map((g) => textOf(g.heading));
  const questions = assignQuestions(titles.map(questionsOf));
  groups.forEach(({ heading, body }, i) => {
    const question = questions[i];
    if (!question) {
      model.otherHeadings.push({ heading: titles[i]!, range: rangeOf(heading) });
      return;
    }
    const text = body.length ? textOf(body.filter((n) => n.type !== 'html')) : '';
    model.answers.push({ question, heading: titles[i]!, headingRange: rangeOf(heading), text, words: countWords(text) });
  });
  return model;
}

function splitAtHeadings(nodes: RootContent[]): { heading: Heading; body: RootContent[] }[] {
  const groups: { heading: Heading; body: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) groups.push({ heading: node, body: [] });
    else if (node.type === 'heading' && node.depth < 3) break;
    else groups.at(-1)?.body.push(node);
  }
  return groups;
}

const QUESTIONS = Object.keys(DETECTION_KEYWORDS) as DetectionQuestion[];

function questionsOf(heading: string): DetectionQuestion[] {
  const folded = heading.toLowerCase();
  return QUESTIONS.filter((q) => DETECTION_KEYWORDS[q].some((k) => folded.includes(k)));
}

// A heading may hold keywords of two questions ("Would our metrics catch
// similar events?"): match headings to questions so that as many questions as
// possible get one (augmenting paths), earlier headings first.
function assignQuestions(candidates: DetectionQuestion[][]): (DetectionQuestion | undefined)[] {
  const holder = new Map<DetectionQuestion, number>();
  const claim = (heading: number, seen: Set<DetectionQuestion>): boolean =>
    candidates[heading]!.some((q) => {
      if (seen.has(q)) return false;
      seen.add(q);
      const other = holder.get(q);
      if (other !== undefined && !claim(other, seen)) return false;
      holder.set(q, heading);
      return true;
    });
  candidates.forEach((_, heading) => claim(heading, new Set()));
  const out: (DetectionQuestion | undefined)[] = candidates.map(() => undefined);
  for (const [q, heading] of holder) out[heading] = q;
  return out;
}
