// The part of jStat (https://github.com/jstat/jstat, MIT) that evalrun uses: it ships no types of its own.
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number }
    normal: { inv(p: number, mean: number, std: number): number }
    /** The regularized incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number
  }
  const jStat: JStat & { jStat?: JStat }
  export default jStat
}
