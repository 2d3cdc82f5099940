// `evalrun/gate`: the verdicts a deploy is gated on, as library functions: a run judged on its thresholds
// (`judgeRun`), a suite on its thresholds and its drop against a baseline (`judgeSuite`), a set of suites
// (`checkSuites`, what `evalrun check` runs), and the regression count of a comparison. Each fails closed: what
// was not read in full does not pass. The CLI only parses, prints and maps verdicts to exit codes.

export { type CheckSuitesOptions, checkSuites, type WaitForRun } from './gate/check-suites.js'
export { countItemVerdicts, type ItemVerdicts } from './gate/count-item-verdicts.js'
export {
  CONFIG_KEY_NAMES,
  type GateCriteria,
  type GateCriterionNames,
  hasCriteria,
  NO_CRITERIA,
} from './gate/criteria.js'
export { describeScore, type JudgeRunOptions, judgeRun, type ReadItems } from './gate/judge-run.js'
export { type JudgeSuiteOptions, judgeSuite } from './gate/judge-suite.js'
export { regressionVerdict } from './gate/regression-verdict.js'
export { scoreThresholdProblem } from './gate/score-threshold-problem.js'
export type { BaselineChoice, DropGate, SuiteGate, SuiteVerdict } from './gate/suite-gate.js'
export { type Found, findBaseline, type SuiteRuns, suiteRuns } from './gate/suite-runs.js'
export { type GateVerdict, type RunGate, worstVerdict } from './gate/verdict.js'
