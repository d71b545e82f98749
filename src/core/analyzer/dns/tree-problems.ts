/**
 * The problems of a lookup tree, each tied to the top-level term of the analysed record that
 * leads to it (where a finding can be underlined and fixed).
 */
import { forEachTerm, type LookupTree, type RecordLookups, type TermLookups, type TermProblem } from './lookup-tree';

/** A problem found somewhere below a top-level term. */
export interface TreeProblem<K extends TermProblem['kind']> {
  /** The term of the analysed record. */
  top: TermLookups;
  /** The term with the problem (`top` itself when it is on the analysed record). */
  term: TermLookups;
  /** The record holding `term`. */
  record: RecordLookups;
  problem: Extract<TermProblem, { kind: K }>;
}

/** Every problem of `kind` in the tree, in walk order. */
export function treeProblems<K extends TermProblem['kind']>(tree: LookupTree, kind: K): TreeProblem<K>[] {
  const found: TreeProblem<K>[] = [];
  for (const top of tree.root.terms) {
    const visit = (term: TermLookups, record: RecordLookups): void => {
      if (term.problem?.kind === kind) found.push({ top, term, record, problem: term.problem as Extract<TermProblem, { kind: K }> });
    };
    visit(top, tree.root);
    if (top.child) forEachTerm(top.child, (term, path) => visit(term, path[path.length - 1]));
  }
  return found;
}
