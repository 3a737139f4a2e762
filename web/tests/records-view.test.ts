import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { GameRecord } from '../src/api'
import RecordsView from '../src/views/RecordsView.vue'

const empty = { template: '<div />' }

function record(id: number, name = ''): GameRecord {
  return {
    id, owner: 1, board_size: 19, created: '2026-12-04T19:18:54.123456Z', name, black_player: 'Ann',
    white_player: 'Bob', comment: '', handicap: 0, komi: 6.5, ruleset: 'JPN', winner: 'W',
  }
}

function stubFetch(reply: (url: string, init: RequestInit) => [number, unknown]) {
  const urls: string[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    urls.push(`${init.method ?? 'GET'} ${url}`)
    const [status, body] = reply(url, init)
    return new Response(JSON.stringify(body), { status, headers: { 'X-Goban-Server': 'fastapi' } })
  })
  return urls
}

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/records', name: 'records', component: RecordsView },
      { path: '/records/new', name: 'record-new', component: empty },
      { path: '/records/:id', name: 'game', component: empty },
    ],
  })
  await router.push(path)
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('RecordsView', () => {
  it('lists records with their names or players', async () => {
    stubFetch(() => [200, { count: 2, pages: 1, results: [record(2, 'Title match'), record(1)] }])
    const { wrapper } = await mountAt('/records')
    const titles = wrapper.findAll('.title').map((title) => title.text())
    expect(titles).toEqual(['Title match', 'Ann vs Bob'])
    expect(wrapper.get('.summary').text()).toContain('19×19 · JPN · komi 6.5 · White won')
    expect(wrapper.find('[data-testid="page"]').exists()).toBe(false)
  })

  it('pages through older records', async () => {
    const urls = stubFetch((url) => {
      const page = Number(new URL(url, 'http://client').searchParams.get('page'))
      return [200, { count: 25, pages: 3, results: [record(30 - page)] }]
    })
    const { wrapper, router } = await mountAt('/records')
    expect(wrapper.get('[data-testid="page"]').text()).toBe('Page 1 of 3')
    const older = wrapper.findAll('button').find((button) => button.text() === 'Older')
    await older!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.page).toBe('2')
    expect(wrapper.get('[data-testid="page"]').text()).toBe('Page 2 of 3')
    expect(urls).toEqual(['GET /api/records/?page=1&page_size=10', 'GET /api/records/?page=2&page_size=10'])
  })

  it('opens an imported game', async () => {
    const urls = stubFetch((url) =>
      url.includes('import') ? [201, { ...record(9), stones: [], moves: [] }] : [200, { count: 0, pages: 1, results: [] }],
    )
    const { wrapper, router } = await mountAt('/records')
    expect(wrapper.text()).toContain('No games yet.')
    const input = wrapper.get('[data-testid="import-file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['(;SZ[9])'], 'game.sgf')] })
    await input.trigger('change')
    await flushPromises()
    expect(urls).toContain('POST /api/records/import/')
    expect(router.currentRoute.value.fullPath).toBe('/records/9')
  })

  it('names the file when an import fails', async () => {
    stubFetch((url) =>
      url.includes('import')
        ? [400, { detail: 'Move 3 is illegal: the point is occupied.' }]
        : [200, { count: 0, pages: 1, results: [] }],
    )
    const { wrapper, router } = await mountAt('/records')
    const input = wrapper.get('[data-testid="import-file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['(;SZ[9])'], 'bad.sgf')] })
    await input.trigger('change')
    await flushPromises()
    expect(wrapper.get('[data-testid="import-error"]').text()).toBe(
      'Could not import bad.sgf: Move 3 is illegal: the point is occupied.',
    )
    expect(router.currentRoute.value.fullPath).toBe('/records')
  })
})
