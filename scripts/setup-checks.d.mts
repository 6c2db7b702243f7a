export interface MachineProbe {
  chromium: string;
  exists(file: string): boolean;
  onPath(command: string): boolean;
}
export const machine: MachineProbe;
export function missingDebianPackages(purpose: 'start' | 'test' | 'package', probe?: MachineProbe): string[];
export function dependenciesCurrent(repoRoot: string): boolean;
