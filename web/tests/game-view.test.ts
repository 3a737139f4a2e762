import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ApiMove, RecordDetail } from '../src/api'
import GameView from '../src/views/GameView.vue'

const empty = { template: '<div />' }

function makeRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/records', name: 'records', component: empty },
      { path: '/records/:id', name: 'game', component: empty },
      { path: '/records/:id/edit', name: 'record-edit', component: empty },
      { path: '/login', name: 'login', component: empty },
    ],
  })
}

function detail(moves: ApiMove[]): RecordDetail {
  return {
    id: 7, owner: 1, board_size: 9, created: '2026-12-04T19:18:54.123456Z', name: 'Test game',
    black_player: 'Ann', white_player: 'Bob', comment: '', handicap: 0, komi: 7.5, ruleset: 'AGA',
    winner: 'U', stones: [], moves,
  }
}

/** Stub fetch with a handler per "METHOD path"; unknown requests fail the test. */
function stubServer(handlers: Record<string, (() => [number, unknown])[]>) {
  const calls: string[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${url}`
    calls.push(key)
    const handler = handlers[key]?.shift()
    if (!handler) throw new Error(`unexpected request ${key}`)
    const [status, body] = handler()
    return new Response(JSON.stringify(body), { status, headers: { 'X-Goban-Server': 'django' } })
  })
  return calls
}

async function mountGame() {
  const router = makeRouter()
  await router.push('/records/7')
  const wrapper = mount(GameView, { props: { id: '7' }, global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('GameView', () => {
  it('shows the position, the move number and whose turn it is', async () => {
    stubServer({ 'GET /api/records/7/': [() => [200, detail([{ position: { x: 2, y: 2 }, color: 'B', captures: [] }])]] })
    const wrapper = await mountGame()
    expect(wrapper.get('[data-testid="status"]').text()).toBe('Move 1 · White to play')
    expect(wrapper.findAll('[data-stone]')).toHaveLength(1)
    expect(wrapper.get('[data-testid="last-move"]').attributes('cx')).toBe('2')
  })

  it('takes captured stones off the board', async () => {
    const moves: ApiMove[] = [
      { position: { x: 1, y: 0 }, color: 'B', captures: [] },
      { position: { x: 0, y: 0 }, color: 'W', captures: [] },
    ]
    stubServer({
      'GET /api/records/7/': [() => [200, detail(moves)]],
      'POST /api/records/7/play/': [() => [201, { add: [{ x: 0, y: 1, color: 'B' }], remove: [{ x: 0, y: 0 }] }]],
    })
    const wrapper = await mountGame()
    // The cursor starts in the centre (4, 4); walk it to (0, 1).
    const svg = wrapper.get('svg')
    for (let i = 0; i < 4; i++) await svg.trigger('keydown', { key: 'ArrowLeft' })
    for (let i = 0; i < 3; i++) await svg.trigger('keydown', { key: 'ArrowUp' })
    await svg.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    const stones = wrapper.findAll('[data-stone]').map((stone) => `${stone.attributes('data-x')},${stone.attributes('data-y')}`)
    expect(stones.sort()).toEqual(['0,1', '1,0'])
    expect(wrapper.get('[data-testid="message"]').text()).toBe('Black captured 1 stone.')
    expect(wrapper.get('[data-testid="captures"]').text()).toBe('Captures: Black 1, White 0')
  })

  it('explains an illegal move and keeps the position', async () => {
    const calls = stubServer({
      'GET /api/records/7/': [() => [200, detail([{ position: { x: 4, y: 4 }, color: 'B', captures: [] }])]],
      'POST /api/records/7/play/': [() => [403, { detail: 'Illegal move: occupied point.' }]],
      'GET /api/user/': [() => [200, { id: 1, username: 'ann', email: 'a@example.com' }]],
    })
    const wrapper = await mountGame()
    await wrapper.get('svg').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(calls).toContain('POST /api/records/7/play/')
    expect(wrapper.get('[data-testid="message"]').text()).toBe('E5 is already occupied. (Illegal move: occupied point.)')
    expect(wrapper.get('[data-testid="message"]').classes()).toContain('error')
    expect(wrapper.findAll('[data-stone]')).toHaveLength(1)
    expect(wrapper.get('[data-testid="status"]').text()).toBe('Move 1 · White to play')
  })

  it('replays earlier positions and refuses to play there', async () => {
    const moves: ApiMove[] = [
      { position: { x: 0, y: 0 }, color: 'B', captures: [] },
      { position: { x: 8, y: 8 }, color: 'W', captures: [] },
      { position: null, color: 'B', captures: [] },
    ]
    const calls = stubServer({ 'GET /api/records/7/': [() => [200, detail(moves)]] })
    const wrapper = await mountGame()
    await wrapper.get('[aria-label="Previous move"]').trigger('click')
    await wrapper.get('[aria-label="Previous move"]').trigger('click')
    expect(wrapper.get('[data-testid="status"]').text()).toBe('Move 1 of 3 · replay')
    expect(wrapper.findAll('[data-stone]')).toHaveLength(1)
    await wrapper.get('svg').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(calls).toEqual(['GET /api/records/7/'])
    expect(wrapper.get('[data-testid="message"]').text()).toContain('Go to the last move to play')
  })

  it('counts the score with the ruleset named', async () => {
    stubServer({ 'GET /api/records/7/': [() => [200, detail([{ position: { x: 4, y: 0 }, color: 'B', captures: [] }])]] })
    const wrapper = await mountGame()
    await wrapper.get('[data-testid="score-toggle"]').trigger('click')
    expect(wrapper.get('[data-testid="score"]').text()).toContain('AGA rules: area counting')
    // One black stone owns the whole empty board: 80 points of territory plus the stone.
    expect(wrapper.get('[data-testid="total-black"]').text()).toBe('81')
    expect(wrapper.get('[data-testid="total-white"]').text()).toBe('7.5')
    expect(wrapper.get('[data-testid="score-result"]').text()).toBe('Estimate: B+73.5')
  })
})
