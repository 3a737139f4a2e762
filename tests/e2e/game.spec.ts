import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Page, expect, test } from '@playwright/test'

const GAMES_DIR = process.env.GOBAN_GAMES_DIR ?? path.resolve(__dirname, '../../../shared/games')
const SCREENSHOTS_DIR = path.resolve(__dirname, 'screenshots')
const PASSWORD = 'correct horse battery'

/** Register a new person; the client logs them in and opens their games. */
async function register(page: Page): Promise<string> {
  const username = `e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  await page.goto('/register')
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Email').fill(`${username}@example.com`)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Register' }).click()
  await expect(page).toHaveURL(/\/records$/)
  await expect(page.getByTestId('username')).toHaveText(username)
  return username
}

// The board's SVG leaves a margin of 0.9 of the line spacing around the points for the coordinates.
const BOARD_MARGIN = 0.9

/** Return the page coordinates of board point (x, y): column from the left, row from the top. */
async function boardPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const board = page.getByTestId('board')
  const box = await board.boundingBox()
  if (!box) throw new Error('the board is not visible')
  const size = Number(await board.getAttribute('data-size'))
  return {
    x: box.x + ((x + BOARD_MARGIN) / (size - 1 + 2 * BOARD_MARGIN)) * box.width,
    y: box.y + ((y + BOARD_MARGIN) / (size - 1 + 2 * BOARD_MARGIN)) * box.height,
  }
}

async function tap(page: Page, x: number, y: number): Promise<void> {
  const point = await boardPoint(page, x, y)
  await page.mouse.click(point.x, point.y)
}

function stone(page: Page, x: number, y: number) {
  return page.locator(`[data-stone][data-x="${x}"][data-y="${y}"]`)
}

test('record a 9x9 game: capture, undo, pass, replay, edit and download', async ({ page }) => {
  await register(page)

  await test.step('the session survives a reload', async () => {
    await page.reload()
    await expect(page).toHaveURL(/\/records$/)
    await expect(page.getByRole('heading', { name: 'Your games' })).toBeVisible()
    await expect(page.getByTestId('server')).toHaveText(/Answered by (django|fastapi)/)
  })

  await test.step('field errors appear next to their fields', async () => {
    await page.getByTestId('new-record').click()
    await page.getByText('9×9').click()
    await page.getByLabel('Black', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Start the game' }).click()
    await expect(page.locator('[data-error-for="black_player"]')).toBeVisible()
    await expect(page.getByLabel('Black', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(page).toHaveURL(/\/records\/new$/)
  })

  await test.step('create the record', async () => {
    await page.getByLabel('Black', { exact: true }).fill('Ann')
    await page.getByLabel('White', { exact: true }).fill('Bob')
    await page.getByLabel('Komi').fill('6.5')
    await page.getByRole('button', { name: 'Start the game' }).click()
    await expect(page).toHaveURL(/\/records\/\d+$/)
    await expect(page.getByTestId('status')).toHaveText('Move 0 · Black to play')
    await expect(page.getByTestId('board')).toHaveAttribute('data-size', '9')
  })

  const boardBox = await page.getByTestId('board').boundingBox()

  await test.step('tap, and drag to aim, then capture', async () => {
    await tap(page, 1, 0)
    await expect(stone(page, 1, 0)).toHaveAttribute('data-color', 'B')

    // Press on one point, drag to the corner with the ghost following, release there.
    const start = await boardPoint(page, 3, 3)
    const end = await boardPoint(page, 0, 0)
    await page.mouse.move(start.x, start.y)
    await page.mouse.down()
    await page.mouse.move(end.x, end.y, { steps: 8 })
    await expect(page.getByTestId('ghost')).toHaveAttribute('cx', '0')
    await expect(page.getByTestId('ghost')).toHaveAttribute('cy', '0')
    await page.mouse.up()
    await expect(stone(page, 0, 0)).toHaveAttribute('data-color', 'W')
    await expect(stone(page, 3, 3)).toHaveCount(0)

    await tap(page, 0, 1)
    await expect(stone(page, 0, 1)).toHaveAttribute('data-color', 'B')
    await expect(stone(page, 0, 0)).toHaveCount(0)
    await expect(page.getByTestId('message')).toHaveText('Black captured 1 stone.')
    await expect(page.getByTestId('captures')).toHaveText('Captures: Black 1, White 0')
    await expect(page.getByTestId('last-move')).toHaveAttribute('cx', '0')
    await expect(page.getByTestId('last-move')).toHaveAttribute('cy', '1')
  })

  await test.step('an illegal move is explained and the position kept', async () => {
    await tap(page, 0, 0)
    await expect(page.getByTestId('message')).toContainText('suicide')
    await expect(page.locator('[data-stone]')).toHaveCount(2)
    await expect(page.getByTestId('status')).toHaveText('Move 3 · White to play')
    // Stones and messages appear without moving the board.
    expect(await page.getByTestId('board').boundingBox()).toEqual(boardBox)
  })

  await test.step('undo the capture', async () => {
    await page.getByTestId('undo').click()
    await expect(stone(page, 0, 0)).toHaveAttribute('data-color', 'W')
    await expect(stone(page, 0, 1)).toHaveCount(0)
    await expect(page.getByTestId('status')).toHaveText('Move 2 · Black to play')
    await expect(page.getByTestId('captures')).toHaveText('Captures: Black 0, White 0')
  })

  await test.step('play with the keyboard', async () => {
    // The cursor stays where the last tap was, the corner (0, 0); walk it to the centre.
    await page.getByTestId('board').focus()
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key)
    }
    await expect(page.getByTestId('cursor')).toHaveAttribute('x', '3.5')
    await expect(page.getByTestId('cursor')).toHaveAttribute('y', '3.5')
    await page.keyboard.press('Enter')
    await expect(stone(page, 4, 4)).toHaveAttribute('data-color', 'B')
    await expect(page.getByTestId('status')).toHaveText('Move 3 · White to play')
  })

  await test.step('pass twice', async () => {
    await page.getByTestId('pass').click()
    await expect(page.getByTestId('status')).toHaveText('Move 4 · White passed · Black to play')
    await page.getByTestId('pass').click()
    await expect(page.getByTestId('status')).toHaveText('Move 5 · Black passed · White to play')
    await expect(page.getByTestId('message')).toContainText('Both players passed')
    await expect(page.getByTestId('move-count')).toHaveText('5')
  })

  await test.step('replay the game', async () => {
    await page.getByRole('button', { name: 'First move' }).click()
    await expect(page.getByTestId('status')).toHaveText('Move 0 of 5 · replay')
    await expect(page.locator('[data-stone]')).toHaveCount(0)
    await page.getByRole('button', { name: 'Next move' }).click()
    await expect(page.getByTestId('status')).toHaveText('Move 1 of 5 · replay')
    await expect(stone(page, 1, 0)).toHaveAttribute('data-color', 'B')
    await page.getByRole('slider', { name: 'Move shown' }).fill('3')
    await expect(page.getByTestId('status')).toHaveText('Move 3 of 5 · replay')
    await expect(page.locator('[data-stone]')).toHaveCount(3)
    await page.getByRole('button', { name: 'Previous move' }).click()
    await expect(page.locator('[data-stone]')).toHaveCount(2)
    await page.getByRole('button', { name: 'Last move' }).click()
    await expect(page.getByTestId('status')).toHaveText('Move 5 · Black passed · White to play')
  })

  await test.step('edit the details and set the winner', async () => {
    await page.getByTestId('edit').click()
    await expect(page.getByLabel('Name of the game')).toHaveValue('')
    await page.getByLabel('Name of the game').fill('E2E game')
    await page.getByLabel('White', { exact: true }).fill('Carol')
    await page.getByLabel('Winner').selectOption('B')
    await page.getByLabel('Comment').fill('Played in a browser test.')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page).toHaveURL(/\/records\/\d+$/)
    await expect(page.getByTestId('record-title')).toHaveText('E2E game')
    await expect(page.getByTestId('white-player')).toHaveText('Carol')
    await expect(page.getByTestId('winner')).toHaveText('Black won')
  })

  await test.step('download the SGF', async () => {
    const downloading = page.waitForEvent('download')
    await page.getByTestId('download').click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^E2E_game_\d{4}_\d{2}_\d{2}\.sgf$/)
    const sgf = await readFile(await download.path(), 'utf8')
    expect(sgf).toContain('SZ[9]')
    expect(sgf).toContain('PB[Ann]')
    expect(sgf).toContain('PW[Carol]')
    expect(sgf).toContain('KM[6.5]')
    expect(sgf).toContain('GN[E2E game]')
    expect(sgf).toContain('RE[B+]')
    expect(sgf.replace(/\s+/g, '')).toContain(';B[ba];W[aa];B[ee];W[];B[]')
  })
})

test('import an SGF game, see its moves, then delete it', async ({ page }) => {
  await register(page)
  const file = path.join(GAMES_DIR, '9x9-kgs-2005-aya-gnugo-passes-territory.sgf')

  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page).toHaveURL(/\/records\/\d+$/)
  await expect(page.getByTestId('move-count')).toHaveText('52')
  await expect(page.getByTestId('status')).toHaveText(/^Move 52 · /)

  await test.step('screenshots of the game view', async () => {
    await page.getByRole('button', { name: 'Previous move' }).click()
    await page.getByRole('button', { name: 'Previous move' }).click()
    await page.getByRole('button', { name: 'Last move' }).click()
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height })
      const board = await page.getByTestId('board').boundingBox()
      expect(board).not.toBeNull()
      // The board fills the narrower of the width and the height left after the header, footer and status line.
      expect(board!.width).toBeGreaterThan(Math.min(width, height - 200) - 2)
      expect(board!.width).toBeLessThanOrEqual(width)
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `game-${width}x${height}.png`) })
    }
  })

  await test.step('estimate the score with dead stones marked', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByTestId('score-toggle').click()
    await expect(page.getByTestId('score')).toContainText('CHN rules: area counting')
    const blackBefore = Number(await page.getByTestId('total-black').textContent())
    const whiteBefore = Number(await page.getByTestId('total-white').textContent())
    expect(await page.locator('[data-territory]').count()).toBeGreaterThan(0)

    // The white stone at E4 sits alone among black stones; marking it dead gives Black its point.
    await tap(page, 4, 5)
    await expect(stone(page, 4, 5)).toHaveAttribute('data-dead', 'true')
    await expect(page.getByTestId('total-black')).not.toHaveText(String(blackBefore))
    expect(Number(await page.getByTestId('total-black').textContent())).toBeGreaterThan(blackBefore)
    expect(Number(await page.getByTestId('total-white').textContent())).toBe(whiteBefore - 1)
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'score-1280x800.png') })

    await tap(page, 4, 5)
    await expect(stone(page, 4, 5)).not.toHaveAttribute('data-dead', 'true')
    await page.getByTestId('score-toggle').click()
    await expect(page.getByTestId('score')).toHaveCount(0)
  })

  await test.step('buttons are large enough for a thumb', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    const sizes = await page
      .locator('main button, main a.button')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map((rect) => [rect.width, rect.height]))
    expect(sizes.length).toBeGreaterThan(5)
    for (const [width, height] of sizes) {
      expect(width).toBeGreaterThanOrEqual(44)
      expect(height).toBeGreaterThanOrEqual(44)
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(360)
  })

  await test.step('delete with confirmation', async () => {
    await page.getByTestId('edit').click()
    await page.getByRole('button', { name: 'Delete…' }).click()
    await page.getByTestId('confirm-delete').click()
    await expect(page).toHaveURL(/\/records$/)
    await expect(page.getByText('No games yet.')).toBeVisible()
  })
})

test('a rejected token sends the person back to log in', async ({ page }) => {
  const username = await register(page)
  await page.evaluate(() => localStorage.setItem('goban.token', 'not-a-valid-token'))
  await page.reload()
  await expect(page).toHaveURL(/\/login\?next=/)
  await expect(page.getByTestId('notice')).toHaveText(/session has expired or was rejected/)

  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/records$/)
})
