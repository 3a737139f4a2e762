import { describe, expect, it } from 'vitest'
import { IllegalMoveError, type Move, Position, nextColor, pointLabel, replay } from '../src/go/board'

const B = (x: number, y: number): Move => ({ point: { x, y }, color: 'B' })
const W = (x: number, y: number): Move => ({ point: { x, y }, color: 'W' })
const pass = (color: 'B' | 'W'): Move => ({ point: null, color })

function reasonOf(action: () => unknown): string | null {
  try {
    action()
    return null
  } catch (error) {
    return error instanceof IllegalMoveError ? error.reason : 'other error'
  }
}

describe('Position.play', () => {
  it('places a stone', () => {
    const position = new Position(9)
    expect(position.play(B(2, 3))).toEqual([])
    expect(position.stones()).toEqual([{ x: 2, y: 3, color: 'B' }])
  })

  it('captures a lone stone in the corner', () => {
    const position = replay(9, [W(0, 0), B(1, 0)])
    expect(position.play(B(0, 1))).toEqual([{ x: 0, y: 0 }])
    expect(position.at({ x: 0, y: 0 })).toBeNull()
    expect(position.prisoners).toEqual({ B: 1, W: 0 })
  })

  it('captures a chain and sorts captures by row then column', () => {
    // White chain (4,4),(5,4),(4,5) surrounded on all sides.
    const moves = [W(4, 4), W(5, 4), W(4, 5), B(4, 3), B(5, 3), B(3, 4), B(6, 4), B(3, 5), B(5, 5)]
    const position = replay(9, moves)
    expect(position.play(B(4, 6))).toEqual([
      { x: 4, y: 4 },
      { x: 5, y: 4 },
      { x: 4, y: 5 },
    ])
    expect(position.stones().filter((stone) => stone.color === 'W')).toEqual([])
  })

  it('rejects an occupied point', () => {
    const position = replay(9, [B(4, 4)])
    expect(reasonOf(() => position.play(W(4, 4)))).toBe('occupied')
  })

  it('rejects a point off the board', () => {
    expect(reasonOf(() => new Position(9).play(B(9, 0)))).toBe('off_board')
    expect(reasonOf(() => new Position(9).play(B(-1, 0)))).toBe('off_board')
  })

  it('rejects suicide and leaves the board unchanged', () => {
    const position = replay(9, [B(1, 0), B(0, 1)])
    expect(reasonOf(() => position.play(W(0, 0)))).toBe('suicide')
    expect(position.at({ x: 0, y: 0 })).toBeNull()
    expect(position.moves).toHaveLength(2)
  })

  it('rejects suicide of a chain', () => {
    // White at (0,0) and (1,0) would have no liberties once (1,0) fills the last one.
    const position = replay(9, [W(0, 0), B(2, 0), B(0, 1), B(1, 1)])
    expect(reasonOf(() => position.play(W(1, 0)))).toBe('suicide')
  })

  it('allows a move without liberties when it captures', () => {
    // (0,1) has no empty neighbour, but playing there takes the last liberty of black's corner stone.
    const position = replay(9, [B(0, 0), W(1, 0), B(1, 1), B(0, 2)])
    expect(position.play(W(0, 1))).toEqual([{ x: 0, y: 0 }])
    expect(position.at({ x: 0, y: 1 })).toBe('W')
  })

  it('rejects an immediate ko recapture, then allows it after another move', () => {
    const setup = [B(1, 0), W(2, 0), B(0, 1), W(3, 1), B(1, 2), W(2, 2), W(1, 1)]
    const position = replay(9, setup)
    // Black takes the ko: (2,1) captures the white stone at (1,1).
    expect(position.play(B(2, 1))).toEqual([{ x: 1, y: 1 }])
    expect(reasonOf(() => position.play(W(1, 1)))).toBe('ko')
    expect(position.at({ x: 1, y: 1 })).toBeNull()
    expect(position.at({ x: 2, y: 1 })).toBe('B')
    position.play(W(8, 8))
    position.play(B(7, 7))
    expect(position.play(W(1, 1))).toEqual([{ x: 2, y: 1 }])
  })

  it('keeps a pass as a move', () => {
    const position = replay(9, [B(0, 0), pass('W')])
    expect(position.moves).toHaveLength(2)
    expect(position.lastMove).toEqual({ point: null, color: 'W' })
    expect(position.stones()).toHaveLength(1)
  })

  it('check reports the reason without playing', () => {
    const position = replay(9, [B(1, 0), B(0, 1)])
    expect(position.check(W(0, 0))).toBe('suicide')
    expect(position.check(W(5, 5))).toBeNull()
    expect(position.stones()).toHaveLength(2)
  })
})

describe('replay', () => {
  it('names the illegal move by number', () => {
    let caught: unknown
    try {
      replay(9, [B(0, 0), W(1, 1), B(0, 0)])
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(IllegalMoveError)
    expect((caught as IllegalMoveError).moveNumber).toBe(3)
    expect((caught as IllegalMoveError).reason).toBe('occupied')
  })
})

describe('nextColor', () => {
  it('starts with black', () => {
    expect(nextColor(0, [])).toBe('B')
  })

  it('alternates after the last move', () => {
    expect(nextColor(0, [B(0, 0)])).toBe('W')
    expect(nextColor(0, [B(0, 0), pass('W')])).toBe('B')
  })

  it('lets black place the handicap stones first', () => {
    expect(nextColor(3, [B(2, 2)])).toBe('B')
    expect(nextColor(3, [B(2, 2), B(6, 6)])).toBe('B')
    expect(nextColor(3, [B(2, 2), B(6, 6), B(2, 6)])).toBe('W')
  })
})

describe('pointLabel', () => {
  it('skips the letter I and counts rows from the bottom', () => {
    expect(pointLabel({ x: 0, y: 0 }, 9)).toBe('A9')
    expect(pointLabel({ x: 8, y: 8 }, 9)).toBe('J1')
    expect(pointLabel({ x: 18, y: 0 }, 19)).toBe('T19')
  })
})
