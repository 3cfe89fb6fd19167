/** Growing typed arrays: a larger copy (new elements zero, or `fill`). */
export const growI32 = (a: Int32Array, n: number, fill = 0): Int32Array<ArrayBuffer> => {
  const b = new Int32Array(n)
  if (fill !== 0) b.fill(fill)
  b.set(a)
  return b
}
export const growF64 = (a: Float64Array, n: number): Float64Array<ArrayBuffer> => {
  const b = new Float64Array(n)
  b.set(a)
  return b
}
export const growU8 = (a: Uint8Array, n: number): Uint8Array<ArrayBuffer> => {
  const b = new Uint8Array(n)
  b.set(a)
  return b
}
