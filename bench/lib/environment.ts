import { cpus, freemem, platform, release, totalmem } from 'node:os'

export interface Environment {
  date: string
  node: string
  platform: string
  cpu: string
  cores: number
  memoryGb: number
  freeMemoryGb: number
}

export function describeEnvironment(): Environment {
  const cpu = cpus()
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
  }
}
