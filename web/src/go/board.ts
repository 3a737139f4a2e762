/**
 * The rules of Go needed to show a game: placing stones, captures, suicide
 * and basic ko. The server decides whether a move is legal. This module
 * mirrors its rules so that the client can replay the moves it receives
 * and explain a rejected move, and it makes no HTTP requests.
 */

export type Color = 'B' | 'W'

export interface Point {
  x: number
  y: number
}

export interface Stone extends Point {
  color: Color
}

export interface Move {
  /** The point played, or null for a pass. */
  point: Point | null
  color: Color
}

export type IllegalReason = 'off_board' | 'occupied' | 'suicide' | 'ko'

export class IllegalMoveError extends Error {
  constructor(
    readonly reason: IllegalReason,
    readonly moveNumber: number | null = null,
  ) {
    super(`illegal move (${reason})${moveNumber === null ? '' : ` at move ${moveNumber}`}`)
    this.name = 'IllegalMoveError'
  }
}

export function opponent(color: Color): Color {
  return color === 'B' ? 'W' : 'B'
}

/** Sort points by row, then column, the order the server uses. */
export function byRowThenColumn(a: Point, b: Point): number {
  return a.y - b.y || a.x - b.x
}

/** A board after some moves, with the history that basic ko needs. */
export class Position {
  readonly size: number
  private readonly grid: (Color | null)[]
  /** The grid as a string after each move; the first entry is the empty board. */
  private readonly history: string[]
  /** The points captured by each move played so far, in order. */
  readonly captures: Point[][] = []
  readonly moves: Move[] = []
  /** Stones captured by each colour during play. */
  readonly prisoners: Record<Color, number> = { B: 0, W: 0 }

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2) {
      throw new RangeError(`invalid board size ${size}`)
    }
    this.size = size
    this.grid = new Array<Color | null>(size * size).fill(null)
    this.history = [this.key()]
  }

  at(point: Point): Color | null {
    return this.grid[this.index(point)] ?? null
  }

  onBoard(point: Point): boolean {
    return (
      Number.isInteger(point.x) &&
      Number.isInteger(point.y) &&
      point.x >= 0 &&
      point.y >= 0 &&
      point.x < this.size &&
      point.y < this.size
    )
  }

  get lastMove(): Move | null {
    return this.moves.at(-1) ?? null
  }

  /** Return every stone on the board, ordered by row, then column. */
  stones(): Stone[] {
    const stones: Stone[] = []
    this.grid.forEach((color, index) => {
      if (color !== null) {
        stones.push({ x: index % this.size, y: Math.floor(index / this.size), color })
      }
    })
    return stones
  }

  /** Return the chain of stones connected to `point` and its number of liberties. */
  chain(point: Point): { stones: Point[]; liberties: number } {
    const color = this.at(point)
    if (color === null) {
      return { stones: [], liberties: 0 }
    }
    const seen = new Set<number>([this.index(point)])
    const liberties = new Set<number>()
    const stack = [point]
    const stones: Point[] = []
    for (let current = stack.pop(); current; current = stack.pop()) {
      stones.push(current)
      for (const next of this.neighbours(current)) {
        const nextIndex = this.index(next)
        const nextColor = this.grid[nextIndex]
        if (nextColor === null) {
          liberties.add(nextIndex)
        } else if (nextColor === color && !seen.has(nextIndex)) {
          seen.add(nextIndex)
          stack.push(next)
        }
      }
    }
    return { stones: stones.sort(byRowThenColumn), liberties: liberties.size }
  }

  neighbours(point: Point): Point[] {
    const candidates = [
      { x: point.x - 1, y: point.y },
      { x: point.x + 1, y: point.y },
      { x: point.x, y: point.y - 1 },
      { x: point.x, y: point.y + 1 },
    ]
    return candidates.filter((candidate) => this.onBoard(candidate))
  }

  /**
   * Play a move and return the captured points, ordered by row, then column.
   * Throws IllegalMoveError and leaves the position unchanged when the move
   * is off the board, on an occupied point, suicide, or a ko recapture.
   */
  play(move: Move): Point[] {
    if (move.point === null) {
      this.record(move, [])
      return []
    }
    const point = move.point
    if (!this.onBoard(point)) {
      throw new IllegalMoveError('off_board')
    }
    if (this.at(point) !== null) {
      throw new IllegalMoveError('occupied')
    }

    this.grid[this.index(point)] = move.color
    const captured = this.removeCapturedNeighbours(point, opponent(move.color))
    if (this.chain(point).liberties === 0) {
      this.grid[this.index(point)] = null
      throw new IllegalMoveError('suicide')
    }
    // Basic ko: a single-stone capture may not bring back the position from
    // before the previous move.
    if (captured.length === 1 && this.key() === this.history.at(-2)) {
      this.grid[this.index(point)] = null
      for (const stone of captured) {
        this.grid[this.index(stone)] = opponent(move.color)
      }
      throw new IllegalMoveError('ko')
    }

    this.prisoners[move.color] += captured.length
    this.record(move, captured)
    return captured
  }

  /** Say why `move` would be illegal here, or null when it is legal, without playing it. */
  check(move: Move): IllegalReason | null {
    try {
      this.clone().play(move)
      return null
    } catch (error) {
      if (error instanceof IllegalMoveError) {
        return error.reason
      }
      throw error
    }
  }

  clone(): Position {
    const copy = new Position(this.size)
    copy.grid.splice(0, this.grid.length, ...this.grid)
    copy.history.splice(0, copy.history.length, ...this.history)
    copy.captures.push(...this.captures.map((points) => [...points]))
    copy.moves.push(...this.moves)
    copy.prisoners.B = this.prisoners.B
    copy.prisoners.W = this.prisoners.W
    return copy
  }

  private removeCapturedNeighbours(point: Point, color: Color): Point[] {
    const captured: Point[] = []
    for (const next of this.neighbours(point)) {
      if (this.at(next) !== color) {
        continue
      }
      const chain = this.chain(next)
      if (chain.liberties === 0) {
        for (const stone of chain.stones) {
          this.grid[this.index(stone)] = null
          captured.push(stone)
        }
      }
    }
    return captured.sort(byRowThenColumn)
  }

  private record(move: Move, captured: Point[]): void {
    this.moves.push(move)
    this.captures.push(captured)
    this.history.push(this.key())
  }

  private index(point: Point): number {
    return point.y * this.size + point.x
  }

  private key(): string {
    return this.grid.map((color) => color ?? '.').join('')
  }
}

/** Play `moves` on an empty board; an illegal move throws with its 1-based number. */
export function replay(size: number, moves: readonly Move[]): Position {
  const position = new Position(size)
  moves.forEach((move, index) => {
    try {
      position.play(move)
    } catch (error) {
      if (error instanceof IllegalMoveError) {
        throw new IllegalMoveError(error.reason, index + 1)
      }
      throw error
    }
  })
  return position
}

/**
 * Return the colour to play next. Handicap stones are recorded as the first
 * black moves, so black moves while fewer than `handicap` moves exist.
 */
export function nextColor(handicap: number, moves: readonly Move[]): Color {
  const last = moves.at(-1)
  if (moves.length < handicap || last === undefined) {
    return 'B'
  }
  return opponent(last.color)
}

/** Column letters as Go players write them, skipping I. */
export function columnLabel(x: number): string {
  return 'ABCDEFGHJKLMNOPQRSTUVWXYZ'.charAt(x)
}

/** Name a point as Go players do: column letter, then the row counted from the bottom. */
export function pointLabel(point: Point, size: number): string {
  return `${columnLabel(point.x)}${size - point.y}`
}
