export const MAX_FLOW_DEPTH = 200;

// Deeply nested flow collections ("[[[[...") drive the YAML composer into deep recursion, and
// near the stack limit V8 can abort the whole process instead of throwing. So the text is
// screened first. Brackets inside quoted strings count too: a false alarm needs hundreds of
// unclosed brackets, which no real task file has.
export function findExcessiveFlowDepth(text: string, max = MAX_FLOW_DEPTH): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return null;
}
