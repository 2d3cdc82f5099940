/**
 * GitHub Actions workflow commands (`::error title=…::message`), escaped as the runner decodes them: in the message
 * `%`, CR and LF; in a property also `:` and `,`, which would otherwise end the property.
 */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** Where an annotation points: a file of the repository (relative to its root) and a line. */
export interface AnnotationLocation {
  file: string
  line: number
}

/** One annotation line: `::error file=evalrun.config.yaml,line=4,title=evalrun%3A datalab%3A1 failed::…`. */
export function annotation(
  level: AnnotationLevel,
  title: string,
  message: string,
  location: AnnotationLocation | null = null,
): string {
  const where = location ? `file=${escapeCommandProperty(location.file)},line=${location.line},` : ''
  return `::${level} ${where}title=${escapeCommandProperty(title)}::${escapeCommandData(message)}\n`
}
