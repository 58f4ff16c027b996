// Replaces a field with one that is parsed again from a JSON text every time it is read, instead of
// holding the parsed value. A parsed task config takes several times the memory of its JSON text, and
// a plan of many tasks reads most configs once (to hash them) or never (an unchanged task's last
// applied config): keeping the text is what keeps a large plan's memory near the cost of reading its
// files. The field stays enumerable, so spreading, JSON.stringify and comparisons see a plain value;
// assigning it replaces it with that value.
//
// The getter parses a fresh copy of the text (a space before it: JSON allows leading white space).
// Node 20's V8 puts what JSON.parse makes in the old generation when the text is there, as a text kept for the
// whole run soon is: a config read once and dropped would then stay in memory until the next full
// collection (10,000 tasks: about 11 MB more at a plan's peak). Made from a young string, it stays in
// the young generation, where dropping it costs nothing.
//
// The getter and setter are shared by every object with the same field and `pick`, and the text sits
// in a hidden field: per-object closures would give each object its own hidden class, which costs
// more memory than the parsed value saved.

type Pick = (parsed: unknown) => unknown;
type Accessor = { source: symbol; descriptor: PropertyDescriptor };

const identity: Pick = (parsed) => parsed;
const accessors = new Map<Pick, Map<string, Accessor>>();

// `pick` must be one function for all objects (a module-level constant), not a new one per call.
export function defineLazyJson(target: object, field: string, text: string, pick: Pick = identity): void {
  const { source, descriptor } = accessorFor(field, pick);
  Object.defineProperty(target, source, { value: text, enumerable: false, configurable: true });
  Object.defineProperty(target, field, descriptor);
}

function accessorFor(field: string, pick: Pick): Accessor {
  let byField = accessors.get(pick);
  if (byField === undefined) accessors.set(pick, (byField = new Map()));
  let accessor = byField.get(field);
  if (accessor === undefined) {
    const source = Symbol(field);
    const descriptor: PropertyDescriptor = {
      enumerable: true,
      configurable: true,
      get(this: Record<symbol, string>) {
        // Stryker disable next-line StringLiteral: the space changes where V8 keeps the parsed value (see above), not the value
        return pick(JSON.parse(' ' + this[source]!));
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, field, { value, enumerable: true, writable: true, configurable: true });
      },
    };
    byField.set(field, (accessor = { source, descriptor }));
  }
  return accessor;
}

// The JSON text behind a field defined with defineLazyJson (and the default `pick`), or undefined when
// the field holds a plain value (never lazy, or assigned since). Lets a writer put the text as it is
// into its output instead of parsing it only to serialise it again.
export function lazyJsonText(target: object, field: string): string | undefined {
  const accessor = accessors.get(identity)?.get(field);
  if (accessor === undefined) return undefined;
  const own = Object.getOwnPropertyDescriptor(target, field);
  if (own?.get !== accessor.descriptor.get) return undefined;
  return (target as Record<symbol, string>)[accessor.source];
}

// `to[field] = from[field]`, keeping the field lazy (and unparsed) when it is lazy in `from`.
export function copyJsonField(from: object, to: object, field: string): void {
  const text = lazyJsonText(from, field);
  if (text === undefined) (to as Record<string, unknown>)[field] = (from as Record<string, unknown>)[field];
  else defineLazyJson(to, field, text);
}
