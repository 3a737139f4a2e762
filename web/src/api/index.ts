/** The Goban API client: one typed module for every endpoint of the contract. */
export * from './types'
export * from './errors'
export * from './client'
