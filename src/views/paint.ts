// ANSI colours for terminal output; identity functions when colour is off (NO_COLOR, not a TTY).
export type Painter = Record<'red' | 'green' | 'yellow' | 'bold' | 'dim', (text: string) => string>;

const codes = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] } as const;

export function paint(enabled: boolean): Painter {
  const make = ([open, close]: readonly [number, number]) =>
    enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text;
  return {
    red: make(codes.red),
    green: make(codes.green),
    yellow: make(codes.yellow),
    bold: make(codes.bold),
    dim: make(codes.dim),
  };
}
