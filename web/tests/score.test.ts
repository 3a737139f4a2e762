import { describe, expect, it } from 'vitest'
import { type Move, Position, replay } from '../src/go/board'
import { countingFor, estimateScore, formatMargin, pointIndex, toggleDeadChain } from '../src/go/score'

/** Build walls on columns 3 (Black) and 5 (White), so each side owns three columns and column 4 is neutral. */
function walls(): Position {
  const moves: Move[] = []
  for (let y = 0; y < 9; y++) {
    moves.push({ point: { x: 3, y }, color: 'B' }, { point: { x: 5, y }, color: 'W' })
  }
  return replay(9, moves)
}

describe('estimateScore', () => {
  it('counts area for AGA', () => {
    const score = estimateScore(walls(), new Set(), 7.5, 'AGA')
    expect(score.counting).toBe('area')
    expect(score.black).toEqual({ stones: 9, territory: 27, prisoners: 0, komi: 0, total: 36 })
    expect(score.white).toEqual({ stones: 9, territory: 27, prisoners: 0, komi: 7.5, total: 43.5 })
    expect(score.margin).toBe(-7.5)
  })

  it('leaves regions bordered by both colours neutral', () => {
    const score = estimateScore(walls(), new Set(), 7.5, 'CHN')
    for (let y = 0; y < 9; y++) {
      expect(score.owner[pointIndex({ x: 4, y }, 9)]).toBeNull()
    }
    expect(score.owner[pointIndex({ x: 0, y: 0 }, 9)]).toBe('B')
    expect(score.owner[pointIndex({ x: 8, y: 8 }, 9)]).toBe('W')
  })

  it('counts a dead stone as territory under area counting', () => {
    const position = walls()
    position.play({ point: { x: 1, y: 1 }, color: 'W' })
    const dead = new Set([pointIndex({ x: 1, y: 1 }, 9)])
    const score = estimateScore(position, dead, 7.5, 'AGA')
    expect(score.black.territory).toBe(27)
    expect(score.black.total).toBe(36)
    expect(score.white.stones).toBe(9)
    expect(score.owner[pointIndex({ x: 1, y: 1 }, 9)]).toBe('B')
  })

  it('counts dead stones and captures as prisoners under territory counting', () => {
    const position = walls()
    // White plays inside black's area and black captures it in the corner during play.
    position.play({ point: { x: 0, y: 0 }, color: 'W' })
    position.play({ point: { x: 1, y: 0 }, color: 'B' })
    position.play({ point: { x: 0, y: 1 }, color: 'B' })
    expect(position.prisoners.B).toBe(1)
    position.play({ point: { x: 2, y: 5 }, color: 'W' })
    const dead = new Set([pointIndex({ x: 2, y: 5 }, 9)])

    const score = estimateScore(position, dead, 6.5, 'JPN')
    expect(score.counting).toBe('territory')
    // 27 points minus the two black stones played inside, the dead stone's point included.
    expect(score.black).toEqual({ stones: 0, territory: 25, prisoners: 2, komi: 0, total: 27 })
    expect(score.white).toEqual({ stones: 0, territory: 27, prisoners: 0, komi: 6.5, total: 33.5 })
    expect(score.margin).toBe(-6.5)
  })

  it('gives an empty board to nobody', () => {
    const score = estimateScore(new Position(9), new Set(), 0, 'AGA')
    expect(score.owner.every((owner) => owner === null)).toBe(true)
    expect(score.margin).toBe(0)
  })
})

describe('toggleDeadChain', () => {
  it('marks and unmarks the whole chain', () => {
    const position = walls()
    const marked = toggleDeadChain(position, new Set(), { x: 5, y: 4 })
    expect(marked.size).toBe(9)
    expect(marked.has(pointIndex({ x: 5, y: 0 }, 9))).toBe(true)
    expect(toggleDeadChain(position, marked, { x: 5, y: 8 }).size).toBe(0)
  })

  it('ignores an empty point', () => {
    expect(toggleDeadChain(walls(), new Set(), { x: 0, y: 0 }).size).toBe(0)
  })
})

describe('countingFor and formatMargin', () => {
  it('uses territory counting only for Japanese rules', () => {
    expect(countingFor('JPN')).toBe('territory')
    expect(countingFor('AGA')).toBe('area')
    expect(countingFor('CHN')).toBe('area')
  })

  it('writes results as Go players do', () => {
    expect(formatMargin(3.5)).toBe('B+3.5')
    expect(formatMargin(-0.5)).toBe('W+0.5')
    expect(formatMargin(0)).toBe('Jigo (a draw)')
  })
})
