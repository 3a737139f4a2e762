/**
 * A score estimate for a finished position. The person marks dead chains.
 * Every empty region bordered by living stones of one colour only is that
 * colour's territory, and the points of dead stones inside it count as
 * territory too.
 * NOTE: seki and neutral points inside territory are not recognised, so
 * the totals are an estimate for positions that contain them.
 */
import { type Color, type Point, type Position, opponent } from './board'

export type Ruleset = 'AGA' | 'JPN' | 'CHN'
export type Counting = 'area' | 'territory'

/** Japanese rules count territory and prisoners; AGA and Chinese rules count area. */
export function countingFor(ruleset: Ruleset): Counting {
  return ruleset === 'JPN' ? 'territory' : 'area'
}

export interface SideScore {
  /** Living stones on the board (counted under area counting only). */
  stones: number
  territory: number
  /** Stones captured during play plus the opponent's dead stones (territory counting only). */
  prisoners: number
  komi: number
  total: number
}

export interface ScoreEstimate {
  counting: Counting
  /** The owner of each point as an index `y * size + x`, null for neutral points and living stones. */
  owner: (Color | null)[]
  black: SideScore
  white: SideScore
  /** Black's total minus White's: positive when Black leads. */
  margin: number
}

/** Key of a point in the `dead` set and the `owner` array. */
export function pointIndex(point: Point, size: number): number {
  return point.y * size + point.x
}

/** Mark or unmark as dead the whole chain at `point`; returns the new set. */
export function toggleDeadChain(position: Position, dead: ReadonlySet<number>, point: Point): Set<number> {
  const next = new Set(dead)
  const chain = position.chain(point).stones
  const first = chain[0]
  if (first === undefined) {
    return next
  }
  const markDead = !next.has(pointIndex(first, position.size))
  for (const stone of chain) {
    const index = pointIndex(stone, position.size)
    if (markDead) {
      next.add(index)
    } else {
      next.delete(index)
    }
  }
  return next
}

export function estimateScore(
  position: Position,
  dead: ReadonlySet<number>,
  komi: number,
  ruleset: Ruleset,
): ScoreEstimate {
  const size = position.size
  const colorAt = (index: number): Color | null =>
    position.at({ x: index % size, y: Math.floor(index / size) })
  const alive = (index: number): Color | null => (dead.has(index) ? null : colorAt(index))

  const owner = new Array<Color | null>(size * size).fill(null)
  const visited = new Set<number>()
  for (let start = 0; start < size * size; start++) {
    if (visited.has(start) || alive(start) !== null) {
      continue
    }
    const { points, borders } = floodRegion(position, start, alive, visited)
    const [onlyBorder] = borders
    if (borders.size !== 1 || onlyBorder === undefined) {
      continue
    }
    for (const index of points) {
      // A dead stone of the owner's own colour is a marking mistake, not territory.
      if (colorAt(index) !== onlyBorder) {
        owner[index] = onlyBorder
      }
    }
  }

  const counting = countingFor(ruleset)
  const side = (color: Color): SideScore => {
    let stones = 0
    let territory = 0
    let deadOpponents = 0
    for (let index = 0; index < size * size; index++) {
      if (alive(index) === color) stones++
      if (owner[index] === color) territory++
      if (dead.has(index) && colorAt(index) === opponent(color)) deadOpponents++
    }
    const sideKomi = color === 'W' ? komi : 0
    const prisoners = position.prisoners[color] + deadOpponents
    const total =
      counting === 'area' ? stones + territory + sideKomi : territory + prisoners + sideKomi
    return {
      stones: counting === 'area' ? stones : 0,
      territory,
      prisoners: counting === 'territory' ? prisoners : 0,
      komi: sideKomi,
      total,
    }
  }

  const black = side('B')
  const white = side('W')
  return { counting, owner, black, white, margin: black.total - white.total }
}

/** Collect the region of points without a living stone that contains `start`, and the colours bordering it. */
function floodRegion(
  position: Position,
  start: number,
  alive: (index: number) => Color | null,
  visited: Set<number>,
): { points: number[]; borders: Set<Color> } {
  const size = position.size
  const points: number[] = []
  const borders = new Set<Color>()
  const stack = [start]
  visited.add(start)
  for (let index = stack.pop(); index !== undefined; index = stack.pop()) {
    points.push(index)
    for (const next of position.neighbours({ x: index % size, y: Math.floor(index / size) })) {
      const nextIndex = pointIndex(next, size)
      const color = alive(nextIndex)
      if (color !== null) {
        borders.add(color)
      } else if (!visited.has(nextIndex)) {
        visited.add(nextIndex)
        stack.push(nextIndex)
      }
    }
  }
  return { points, borders }
}

/** Describe the result the way Go players write it, e.g. "B+3.5", "W+0.5" or "Jigo". */
export function formatMargin(margin: number): string {
  if (margin === 0) {
    return 'Jigo (a draw)'
  }
  return margin > 0 ? `B+${margin}` : `W+${-margin}`
}
