import { z } from 'zod';

// One DataWorks OpenAPI operation as the official SDK models it: its API version, the HTTP method,
// every request parameter with where the SDK puts it (query string or form body), and the answer as a
// zod schema. The client builds requests and reads answers only through these; the emulator builds its
// answers through the same schemas. The facts come from alibabacloud-go/dataworks-public-20200518 at
// 1585abb1b2acbe3a019ff8634778d2d425e5d5d3 and alibabacloud-go/dataworks-public-20240518 at
// 846decbe567fe4512a5acbd657ced93885fbbbd3 (client/*_model.go, client/client.go); a test holds every
// definition against a copy of them.

export type ParamType = 'integer' | 'string' | 'boolean' | 'array';
// style 'json': a list the SDK sends as one JSON text (ArrayToStringWithSpecifiedStyle(..., "json")).
// A list without a style is never sent by dwsync.
export type ParamSpec = { readonly in: 'query' | 'body'; readonly type: ParamType; readonly style?: 'json'; readonly required: boolean };
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

// The two generations of the API. An operation of the same name may exist in both with different
// models (GetProject, ListDataSources, ListResourceGroups): each has its own definition.
export type OperationVersion = '2020-05-18' | '2024-05-18';

export type OperationDefinition<Name extends string = string, P extends ParamSpecs = ParamSpecs, R extends z.ZodType = z.ZodType> = {
  readonly name: Name; // the action on the wire
  readonly version: OperationVersion;
  readonly method: 'GET' | 'POST';
  readonly params: P;
  readonly response: R;
};

export function defineOperation<const Name extends string, const P extends ParamSpecs, R extends z.ZodType>(
  definition: OperationDefinition<Name, P, R>,
): OperationDefinition<Name, P, R> {
  return definition;
}

// Distributes over a union of types (a loosely typed definition accepts any of their values).
type ValueOfType<T extends ParamType, Style> = T extends 'integer'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'array'
      ? Style extends 'json'
        ? readonly string[]
        : never
      : string;
type ValueOf<S extends ParamSpec> = ValueOfType<S['type'], S['style']>;

// What a caller passes: required parameters must be there, optional ones may be left out.
export type OperationInput<P extends ParamSpecs> = {
  [K in keyof P as P[K]['required'] extends true ? K : never]: ValueOf<P[K]>;
} & {
  [K in keyof P as P[K]['required'] extends true ? never : K]?: ValueOf<P[K]> | undefined;
};

export type OperationAnswer<D extends OperationDefinition> = z.infer<D['response']>;

// The field types of the SDK models. The service leaves fields out and sends null for empty ones, so
// every field may be absent or null; what dwsync needs of an answer is checked where it is read.
export const field = {
  integer: () => z.int().nullish(),
  string: () => z.string().nullish(),
  boolean: () => z.boolean().nullish(),
  object: <S extends z.ZodRawShape>(shape: S) => z.object(shape).nullish(),
  list: <T extends z.ZodType>(item: T) => z.array(item).nullish(),
};

// The fields most operations answer beside their own (ErrorCode/ErrorMessage/HttpStatusCode are not in
// every model: UpdateDISyncTask and CreateDISyncTask have only RequestId, Success and Data).
export const envelope = {
  RequestId: field.string(),
  Success: field.boolean(),
};
export const errorFields = {
  ErrorCode: field.string(),
  ErrorMessage: field.string(),
  HttpStatusCode: field.integer(),
};
