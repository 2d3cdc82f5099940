import { EvalrunInvalidInputError } from '../core/errors.js'

/** The colours the vendors' descriptions declare, by vendor id: what `renderHtmlReport`'s `vendorColors` takes. */
export function vendorColorsOf(
  vendors: Iterable<{ readonly id: string; readonly color?: string | undefined }>,
): Record<string, string> {
  const colors: Record<string, string> = {}
  for (const vendor of vendors) if (vendor.color !== undefined) colors[vendor.id] = vendor.color
  return colors
}

/** The charts' background: every vendor colour must stand out from it. */
export const CHART_BACKGROUND = '#f6f8fa'

/** WCAG 2's least contrast for graphics (a line, a point, a swatch) against what is around them. */
export const MIN_GRAPHIC_CONTRAST = 3

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

/**
 * Each vendor's colour, the same in every report: the one its description declares (`EvalrunVendor.color`, handed
 * in by the caller), else one derived from its id alone, so that a vendor from outside this repository keeps its
 * colour too. A declared colour is checked: `#rrggbb`, with at least 3:1 contrast on the charts' background.
 */
export function vendorColors(
  vendors: Iterable<string>,
  declared: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const colors = new Map<string, string>()
  for (const vendor of [...new Set(vendors)].sort()) {
    const color = Object.hasOwn(declared, vendor) ? declared[vendor] : undefined
    colors.set(vendor, color === undefined ? hashedColor(vendor) : checkedColor(vendor, color))
  }
  return colors
}

function checkedColor(vendor: string, color: unknown): string {
  const field = `vendorColors.${vendor}`
  if (typeof color !== 'string' || !HEX_COLOR.test(color)) {
    throw new EvalrunInvalidInputError({ field, value: color, expected: 'a colour written #rrggbb' })
  }
  const contrast = contrastRatio(color, CHART_BACKGROUND)
  if (contrast < MIN_GRAPHIC_CONTRAST) {
    throw new EvalrunInvalidInputError({
      field,
      value: color,
      expected: `a colour with at least ${MIN_GRAPHIC_CONTRAST}:1 contrast on the charts' ${CHART_BACKGROUND} (this one has ${contrast.toFixed(2)}:1)`,
    })
  }
  return color.toLowerCase()
}

/**
 * A colour from the id's FNV-1a hash: the hue from the hash, saturation and lightness fixed where every hue keeps
 * 3:1 contrast on the charts' background (a test walks the hues).
 */
export function hashedColor(id: string): string {
  let hash = 0x811c9dc5
  for (const char of id) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hslToHex(hash % 360, 0.65, 0.33)
}

export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const spread = saturation * Math.min(lightness, 1 - lightness)
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12
    const value = lightness - spread * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(8)}${channel(4)}`
}

/** WCAG 2's contrast ratio of two `#rrggbb` colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
