import type { VendorErrors } from '../http/vendor-app.js'

/**
 * The error bodies of a FastAPI app (Datalab and Humanloop are both): `{detail: string}`, and for validation
 * failures `{detail: [{loc, msg, type}]}` with 422. Only the 401 wording differs between the two vendors.
 */
export function fastApiErrors(unauthorizedDetail: string): VendorErrors {
  return {
    unauthorized: () => ({ status: 401, body: { detail: unauthorizedDetail } }),
    notFound: (message) => ({ status: 404, body: { detail: message } }),
    invalid: (issues) => ({ status: 422, body: { detail: issues } }),
    malformedJson: (message) => ({
      status: 422,
      body: { detail: [{ loc: ['body', 0], msg: `JSON decode error: ${message}`, type: 'json_invalid' }] },
    }),
    generic: (status, message) => ({ status, body: { detail: message } }),
  }
}
