import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineOperation, envelope, errorFields, field, type OperationInput } from '../../../src/dataworks/operations/define-operation.js';

const Example = defineOperation({
  name: 'Example',
  version: '2020-05-18',
  method: 'GET',
  params: {
    Id: { in: 'query', type: 'integer', required: true },
    Name: { in: 'body', type: 'string', required: false },
    On: { in: 'body', type: 'boolean', required: false },
  },
  response: z.object({ ...envelope, ...errorFields, Data: field.object({ Count: field.integer(), Items: field.list(z.string()) }) }),
});

describe('defineOperation', () => {
  it('returns the definition as given', () => {
    expect(Example.name).toBe('Example');
    expect(Example.method).toBe('GET');
    expect(Example.params.Id).toEqual({ in: 'query', type: 'integer', required: true });
  });

  it('types the input: required parameters must be given, with the value type of their kind', () => {
    type Input = OperationInput<typeof Example.params>;
    expectTypeOf<{ Id: number }>().toExtend<Input>();
    expectTypeOf<{ Id: number; Name: string; On: boolean }>().toExtend<Input>();
    expectTypeOf<{ Name: string }>().not.toExtend<Input>();
    expectTypeOf<{ Id: string }>().not.toExtend<Input>();
  });
});

describe('field', () => {
  it('every field may be absent or null, as the service sends them', () => {
    expect(Example.response.parse({})).toEqual({});
    expect(Example.response.parse({ RequestId: null, Success: null, Data: null })).toEqual({ RequestId: null, Success: null, Data: null });
    expect(Example.response.parse({ Data: { Count: null, Items: null } })).toEqual({ Data: { Count: null, Items: null } });
  });

  it('holds each present field to its type: integers are whole numbers, not their text', () => {
    expect(field.integer().safeParse(3).success).toBe(true);
    expect(field.integer().safeParse(1.5).success).toBe(false);
    expect(field.integer().safeParse('3').success).toBe(false);
    expect(field.string().safeParse(3).success).toBe(false);
    expect(field.boolean().safeParse('true').success).toBe(false);
    expect(field.list(z.string()).safeParse(['a', 1]).success).toBe(false);
    expect(field.object({ A: field.string() }).safeParse([]).success).toBe(false);
  });

  it('the envelope is RequestId and Success; the error fields are ErrorCode, ErrorMessage and HttpStatusCode', () => {
    expect(Object.keys(envelope)).toEqual(['RequestId', 'Success']);
    expect(Object.keys(errorFields)).toEqual(['ErrorCode', 'ErrorMessage', 'HttpStatusCode']);
    expect(errorFields.HttpStatusCode.safeParse(200.5).success).toBe(false);
  });
});
