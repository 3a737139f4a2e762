/** The bodies of the Goban HTTP API, field for field. */

export type Color = 'B' | 'W'
export type Winner = Color | 'U'
export type Ruleset = 'AGA' | 'JPN' | 'CHN'
export type BoardSize = 9 | 13 | 19

export const BOARD_SIZES: readonly BoardSize[] = [9, 13, 19]
export const RULESETS: readonly Ruleset[] = ['AGA', 'JPN', 'CHN']

export interface User {
  id: number
  username: string
  email: string
}

export interface RegisterBody {
  username: string
  email: string
  password: string
}

export interface LoginBody {
  username: string
  password: string
}

/** The fields a person may set on a record after creating it, except the winner. */
export interface RecordFields {
  name: string
  black_player: string
  white_player: string
  comment: string
  handicap: number
  komi: number
  ruleset: Ruleset
}

export interface RecordCreate extends Partial<RecordFields> {
  board_size: BoardSize
}

export interface RecordUpdate extends Partial<RecordFields> {
  winner?: Winner
}

export interface GameRecord extends RecordFields {
  id: number
  owner: number
  board_size: BoardSize
  /** RFC 3339 in UTC, e.g. "2026-12-04T19:18:54.123456Z". */
  created: string
  winner: Winner
}

export interface RecordPage {
  count: number
  pages: number
  results: GameRecord[]
}

/** A point: `x` is the column from the left, `y` the row from the top, both from 0. */
export interface ApiPoint {
  x: number
  y: number
}

export interface ApiStone extends ApiPoint {
  color: Color
}

export interface ApiMove {
  /** Null for a pass. */
  position: ApiPoint | null
  color: Color
  captures: ApiPoint[]
}

export interface RecordDetail extends GameRecord {
  stones: ApiStone[]
  moves: ApiMove[]
}

/** Board changes of a play or an undo: stones added and points cleared. */
export interface BoardChange {
  add: ApiStone[]
  remove: ApiPoint[]
}

export interface SgfDownload {
  blob: Blob
  filename: string
}
