import type { CredentialOptions, Env, HttpClientOptions, VendorAuth } from '@evalrun/http'
import type { AnyEvalrunAdapter } from './adapter.js'

/** One credential a vendor needs, from its `createEvalrun` option or its env var. */
export interface VendorCredential {
  /** The option inside the vendor's options: `apiKey`. */
  option: string
  /** `DATALAB_API_KEY`. */
  envVar: string
  /**
   * Other ways to give this credential, any one of them enough: an option and its env var (OpenAI's Azure key,
   * `azureApiKey` or `AZURE_OPENAI_API_KEY`), or an option alone (a callback, such as a token provider).
   */
  alternatives?: readonly CredentialAlternative[]
}

/** Another way to give a credential (OpenAI's Azure key), with the settings that way also needs (its endpoint). */
export interface CredentialAlternative {
  option: string
  envVar?: string
  /** Settings this way needs besides the credential, read from env vars: Azure's endpoint. */
  needs?: readonly VendorSetting[]
}

/** A vendor setting read from an env var; the CLI offers it as a flag too (`--openai-azure-endpoint`). */
export interface VendorSetting {
  /** Names the flag: `azureEndpoint` of `openai` is `--openai-azure-endpoint`. */
  name: string
  /** The env var the vendor reads it from; the flag's value stands for it. */
  envVar: string
  /** For help texts: what it is and its form. */
  description: string
}

/**
 * The credentials a vendor client's auth scheme takes: one API key, or a public and a secret key (basic); none
 * that the core can check for a token provider (the client checks it).
 */
export function credentialsOf(auth: VendorAuth): VendorCredential[] {
  if (auth.scheme === 'bearer-provider') return []
  return auth.scheme === 'basic'
    ? [
        { option: 'publicKey', envVar: auth.publicKeyEnv },
        { option: 'secretKey', envVar: auth.secretKeyEnv },
      ]
    : [{ option: 'apiKey', envVar: auth.apiKeyEnv }]
}

/**
 * One flag of `evalrun runs start <vendor>`. The CLI reads the text, converts it as `kind` says and sets `field`
 * (a dotted path into the start input: `dataset.versionId`).
 */
export interface StartFlag {
  /** As commander writes it: `--collection <id>`, `--refresh-dataset`, `--no-orchestrated`. */
  flag: string
  description: string
  /** `integer`: a positive whole number; `json-file`: a path whose JSON content is the value; `false`: `--no-…`. */
  kind: 'string' | 'integer' | 'true' | 'false' | 'json-file'
  field: string
  required?: boolean
  choices?: readonly string[]
}

/**
 * What evalrun knows of one vendor besides its adapter: how it is configured, how its refs read, and how the CLI
 * offers it. Each built-in vendor's folder exports one; `vendors/index.ts` lists them.
 */
export interface EvalrunVendor {
  id: string
  displayName: string
  /**
   * Its colour in reports (`#rrggbb`, at least 3:1 contrast on a light background), the same in every report; a
   * vendor without one gets a colour made from its id.
   */
  color?: string
  /** All needed for the vendor to count as configured. */
  credentials: readonly VendorCredential[]
  /** Other env vars it reads (help text): `DATALAB_BASE_URL`, `HUMANLOOP_FILE_IDS`. */
  settingsEnv: readonly string[]
  /** For messages and help: `datalab:<runId>`. */
  refForm: string
  /** `datalab:<collectionId>`. */
  suiteRefForm: string
  /** What `runs.results` yields, in the vendor's words: `file results`. */
  itemsAre: string
  /** The adapter, from the vendor's options merged with the shared ones. Bad options throw here. */
  createAdapter(options: VendorOptions & Record<string, unknown>, env: Env | undefined): AnyEvalrunAdapter
  /**
   * Whether its runs' scores come on a declared scale (`run.scoreScale`, hence a `normalizedScore`): `always`,
   * `sometimes` (it depends on the run; the default), or `never`, which lets a gate refuse a normalised-score
   * threshold before starting or waiting for a run.
   */
  scoreScale?: 'always' | 'sometimes' | 'never'
  /** Whether its adapter has `cancelRun` (the CLI offers `runs cancel` only then; a test keeps the two in step). */
  canCancel: boolean
  /** The flags of `evalrun runs start <vendor>`; absent when the vendor cannot start runs. */
  startFlags?: readonly StartFlag[]
  /** Example command lines for the CLI's help, without `evalrun`. */
  examples?: readonly string[]
}

/** Options for one vendor: its credentials and where to reach it, plus any per-vendor HTTP override. */
export type VendorOptions = HttpClientOptions & CredentialOptions
