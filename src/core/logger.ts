// Where commands say what they are doing. The CLI writes to stderr; tests collect lines.
export type Logger = {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
};

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };
