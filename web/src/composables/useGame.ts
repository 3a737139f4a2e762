/**
 * One game as the game view shows it: the record from the server, the
 * moves replayed on the client, the move being shown, and the actions
 * that change the game. The server decides whether a move is legal; the
 * client only explains a rejection and keeps its position unchanged.
 */
import { computed, ref, shallowRef } from 'vue'
import { ApiError, type ApiMove, type BoardChange, type RecordDetail } from '../api'
import {
  type Color,
  IllegalMoveError,
  type IllegalReason,
  type Move,
  type Point,
  Position,
  nextColor,
  pointLabel,
  replay,
} from '../go/board'
import { api, errorMessage } from './useSession'

export interface GameMessage {
  kind: 'info' | 'error'
  text: string
}

export function colorName(color: Color): string {
  return color === 'B' ? 'Black' : 'White'
}

function moveFromApi(move: ApiMove): Move {
  return { point: move.position, color: move.color }
}

/** Replay `moves`; a move the client considers illegal stops the replay there instead of failing. */
function replayUpTo(size: number, moves: readonly Move[]): { position: Position; failedMove: number | null } {
  try {
    return { position: replay(size, moves), failedMove: null }
  } catch (error) {
    if (error instanceof IllegalMoveError && error.moveNumber !== null) {
      return { position: replay(size, moves.slice(0, error.moveNumber - 1)), failedMove: error.moveNumber }
    }
    throw error
  }
}

export function explainIllegalMove(reason: IllegalReason | null, point: Point, color: Color, size: number, detail: string): string {
  const label = pointLabel(point, size)
  const explanations: Record<IllegalReason, string> = {
    occupied: `${label} is already occupied.`,
    suicide: `A ${colorName(color).toLowerCase()} stone at ${label} would have no liberties: that is suicide.`,
    ko: `${label} would retake the ko at once. Play elsewhere first, then retake.`,
    off_board: `${label} is not on the board.`,
  }
  const explanation = reason === null ? `${label} is not allowed.` : explanations[reason]
  return detail ? `${explanation} (${detail})` : explanation
}

export function useGame(id: number) {
  const record = ref<RecordDetail | null>(null)
  const moves = shallowRef<Move[]>([])
  const shown = ref(0)
  const busy = ref(false)
  const loadError = ref('')
  const message = ref<GameMessage>({ kind: 'info', text: '' })

  const size = computed(() => record.value?.board_size ?? 19)
  const atEnd = computed(() => shown.value === moves.value.length)
  const toPlay = computed<Color>(() => nextColor(record.value?.handicap ?? 0, moves.value))
  const replayed = computed(() => replayUpTo(size.value, moves.value.slice(0, shown.value)))
  const position = computed(() => replayed.value.position)
  const lastShownMove = computed(() => moves.value[shown.value - 1] ?? null)

  function setMoves(next: Move[]): void {
    moves.value = next
    shown.value = next.length
  }

  function say(text: string, kind: GameMessage['kind'] = 'info'): void {
    message.value = { kind, text }
  }

  async function load(): Promise<void> {
    loadError.value = ''
    try {
      const detail = await api.getRecord(id)
      record.value = detail
      setMoves(detail.moves.map(moveFromApi))
      const failed = replayed.value.failedMove
      if (failed !== null) {
        say(`Move ${failed} breaks the rules as this client knows them, so the board stops before it.`, 'error')
      }
    } catch (error) {
      loadError.value = errorMessage(error) ?? ''
    }
  }

  /** Run one change against the server, one at a time, and report its failure. */
  async function change(action: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    try {
      await action()
    } catch (error) {
      const text = errorMessage(error)
      if (text) say(text, 'error')
    } finally {
      busy.value = false
    }
  }

  function play(point: Point): Promise<void> {
    if (!atEnd.value) {
      say(`You are looking at move ${shown.value} of ${moves.value.length}. Go to the last move to play.`)
      return Promise.resolve()
    }
    const color = toPlay.value
    const before = position.value
    return change(async () => {
      let result: BoardChange
      try {
        result = await api.play(id, point)
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) {
          say(explainIllegalMove(before.check({ point, color }), point, color, size.value, error.message), 'error')
          return
        }
        throw error
      }
      const placed = result.add[0]
      const played: Move = { point, color: placed?.color ?? color }
      setMoves([...moves.value, played])
      const captured = result.remove.length
      const plural = captured === 1 ? 'stone' : 'stones'
      say(captured > 0 ? `${colorName(played.color)} captured ${captured} ${plural}.` : '')
      if (placed?.color !== color || !sameCaptures(position.value, result)) {
        // Someone else changed the game meanwhile (another tab or device): take the server's version.
        await load()
      }
    })
  }

  function pass(): Promise<void> {
    if (!atEnd.value) {
      say('Go to the last move to pass.')
      return Promise.resolve()
    }
    const color = toPlay.value
    return change(async () => {
      await api.pass(id)
      const next = [...moves.value, { point: null, color }]
      setMoves(next)
      const previous = next.at(-2)
      const bothPassed = previous !== undefined && previous.point === null
      say(bothPassed ? 'Both players passed. Mark dead stones with Score to count the game.' : `${colorName(color)} passed.`)
    })
  }

  function undo(): Promise<void> {
    return change(async () => {
      let result: BoardChange
      try {
        result = await api.undo(id)
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) {
          say('There is no move to undo.', 'error')
          return
        }
        throw error
      }
      const undone = moves.value.at(-1)
      setMoves(moves.value.slice(0, -1))
      say(undone ? `Took back ${describeMove(undone, moves.value.length + 1)}.` : '')
      const removed = result.remove[0]
      const expected = undone?.point ?? null
      if (undone === undefined || removed?.x !== expected?.x || removed?.y !== expected?.y) {
        await load()
      }
    })
  }

  function describeMove(move: Move, number: number): string {
    const where = move.point === null ? 'a pass' : pointLabel(move.point, size.value)
    return `move ${number}, ${colorName(move.color)} ${where}`
  }

  return {
    record,
    moves,
    shown,
    busy,
    loadError,
    message,
    size,
    atEnd,
    toPlay,
    position,
    lastShownMove,
    load,
    play,
    pass,
    undo,
    say,
    describeMove,
  }
}

function sameCaptures(position: Position, result: BoardChange): boolean {
  const local = position.captures.at(-1) ?? []
  return (
    local.length === result.remove.length &&
    local.every((point, index) => point.x === result.remove[index]?.x && point.y === result.remove[index]?.y)
  )
}
