import { describe, expect, it } from 'vitest'
import { describeErrorBody } from '../src/error-body.js'

describe('describeErrorBody', () => {
  it("reads OpenAI's { error: { message, code } }", () => {
    const body = {
      error: {
        message: 'No such eval: eval_1',
        type: 'invalid_request_error',
        param: null,
        code: 'not_found',
      },
    }
    expect(describeErrorBody(body)).toBe('No such eval: eval_1')
    expect(describeErrorBody({ error: { message: 'Rate limit reached', code: null } })).toBe(
      'Rate limit reached',
    )
  })

  it('reads FastAPI validation details and PromptLayer messages', () => {
    expect(describeErrorBody({ detail: [{ loc: ['query', 'limit', 0], msg: 'too big' }] })).toBe(
      'query.limit.0: too big',
    )
    expect(describeErrorBody({ success: false, message: 'Invalid workspace_id' })).toBe(
      'Invalid workspace_id',
    )
  })

  it("reads Langfuse's { message, error } and the Zod issues of its validation errors", () => {
    expect(
      describeErrorBody({
        message: 'Invalid request data',
        error: [
          { code: 'invalid_type', path: ['fromStartTime'], message: 'Required' },
          { code: 'too_big', path: ['limit'], message: 'Number must be less than or equal to 100' },
        ],
      }),
    ).toBe('Invalid request data: fromStartTime: Required; limit: Number must be less than or equal to 100')
    expect(
      describeErrorBody({ message: "Invalid credentials. Confirm that you've configured the correct host." }),
    ).toBe("Invalid credentials. Confirm that you've configured the correct host.")
    expect(describeErrorBody({ message: 'Experiment not found', error: 'LangfuseNotFoundError' })).toBe(
      'Experiment not found',
    )
    expect(describeErrorBody({ message: 'Invalid request data', error: [null, 3, {}] })).toBe(
      'Invalid request data',
    )
  })

  it('never throws on odd `loc` segments (objects String() cannot convert, throwing toString)', () => {
    const throwing = {
      toString() {
        throw new Error('boom')
      },
    }
    expect(describeErrorBody({ detail: [{ loc: [Object.create(null), 'x'], msg: 'bad' }] })).toBe('?.x: bad')
    expect(describeErrorBody({ detail: [{ loc: [throwing, 3], msg: 'bad' }] })).toBe('?.3: bad')
  })
})
