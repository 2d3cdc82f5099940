import { EvalrunApiError } from '@evalrun/http'
import { EvalrunNotFoundError } from './errors.js'

/** Runs `action`, turning the vendor's 404 into `EvalrunNotFoundError` for `ref`. */
export async function orNotFound<T>(ref: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if (EvalrunApiError.isInstance(error) && error.status === 404) {
      throw new EvalrunNotFoundError({
        message: `No run ${ref}: the vendor answered 404 (${error.message}).`,
        ref,
        cause: error,
      })
    }
    throw error
  }
}
