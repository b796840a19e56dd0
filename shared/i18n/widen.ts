/** The shape of a strings object with every literal widened to string: what a translation must match. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
