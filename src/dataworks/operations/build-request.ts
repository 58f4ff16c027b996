import { InternalError } from '../../errors.js';
import type { OperationDefinition, OperationInput, ParamSpecs } from './define-operation.js';

export type BuiltRequest = { query: Record<string, string>; body: Record<string, string> };

// Puts each parameter where the operation's definition (the SDK) puts it, as the SDK writes values:
// numbers and booleans as their text, a list of style "json" as its JSON text. A parameter left
// undefined is not sent at all. Pure.
// An unknown or missing parameter is a bug in dwsync, never the user's input.
export function buildRequest<P extends ParamSpecs>(operation: OperationDefinition<string, P>, input: OperationInput<P>): BuiltRequest {
  const built: BuiltRequest = { query: {}, body: {} };
  const given = input as Record<string, string | number | boolean | readonly string[] | undefined>;
  for (const [name, value] of Object.entries(given)) {
    const spec = operation.params[name];
    if (!spec) throw new InternalError(`${operation.name} has no parameter ${name}`);
    if (value === undefined) continue;
    if (spec.type === 'array') {
      if (spec.style !== 'json' || !Array.isArray(value)) throw new InternalError(`${operation.name}.${name}: list parameters are not sent by dwsync`);
      built[spec.in][name] = JSON.stringify(value);
      continue;
    }
    built[spec.in][name] = String(value);
  }
  for (const [name, spec] of Object.entries(operation.params)) {
    if (spec.required && given[name] === undefined) throw new InternalError(`${operation.name} needs ${name}`);
  }
  return built;
}
