import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import GoBoard from '../src/components/GoBoard.vue'
import RecordForm from '../src/components/RecordForm.vue'
import ReplayControls from '../src/components/ReplayControls.vue'

/** Give the SVG a 100x100 box at the page's origin, since happy-dom does no layout. */
function layOut(element: Element, size = 100): void {
  element.getBoundingClientRect = () =>
    ({ left: 0, top: 0, right: size, bottom: size, width: size, height: size, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect
}

function pointer(type: string, clientX: number, clientY: number): PointerEvent {
  return new PointerEvent(type, { clientX, clientY, button: 0, pointerId: 1, pointerType: 'touch', bubbles: true })
}

describe('GoBoard', () => {
  it('draws the stones and marks the last move', () => {
    const wrapper = mount(GoBoard, {
      props: { size: 9, stones: [{ x: 2, y: 3, color: 'B' }, { x: 4, y: 4, color: 'W' }], lastMove: { x: 4, y: 4 } },
    })
    const stones = wrapper.findAll('[data-stone]')
    expect(stones).toHaveLength(2)
    expect(stones[0]!.attributes('cx')).toBe('2')
    expect(stones[0]!.attributes('cy')).toBe('3')
    expect(stones[1]!.attributes('data-color')).toBe('W')
    const marker = wrapper.get('[data-testid="last-move"]')
    expect(marker.attributes('cx')).toBe('4')
    expect(marker.classes()).toContain('on-white')
    expect(wrapper.get('svg').attributes('viewBox')).toBe('-0.9 -0.9 9.8 9.8')
  })

  it('aims with a ghost stone while dragging and plays where released', async () => {
    const wrapper = mount(GoBoard, { props: { size: 9, stones: [], ghostColor: 'B' } })
    const svg = wrapper.get('svg')
    layOut(svg.element)
    // 98 px over 9.8 view units with a 0.9 margin: the point (x, y) sits at ((x + 0.9) * 10, (y + 0.9) * 10).
    layOut(svg.element, 98)
    await svg.trigger('pointerdown', { clientX: 19, clientY: 20, button: 0, pointerId: 1, pointerType: 'touch' })
    expect(wrapper.get('[data-testid="ghost"]').attributes('cx')).toBe('1')
    svg.element.dispatchEvent(pointer('pointermove', 50, 37))
    await wrapper.vm.$nextTick()
    const ghost = wrapper.get('[data-testid="ghost"]')
    expect([ghost.attributes('cx'), ghost.attributes('cy')]).toEqual(['4', '3'])
    expect(wrapper.emitted('select')).toBeUndefined()

    svg.element.dispatchEvent(pointer('pointerup', 50, 37))
    await wrapper.vm.$nextTick()
    expect(wrapper.emitted('select')).toEqual([[{ x: 4, y: 3 }]])
    expect(wrapper.find('[data-testid="ghost"]').exists()).toBe(false)
  })

  it('plays nothing when released off the board', async () => {
    const wrapper = mount(GoBoard, { props: { size: 9, stones: [], ghostColor: 'W' } })
    const svg = wrapper.get('svg')
    layOut(svg.element)
    svg.element.dispatchEvent(pointer('pointerdown', 50, 50))
    svg.element.dispatchEvent(pointer('pointerup', 99.9, 99.9))
    await wrapper.vm.$nextTick()
    expect(wrapper.emitted('select')).toBeUndefined()
  })

  it('moves a cursor with arrow keys and plays with Enter', async () => {
    const wrapper = mount(GoBoard, { props: { size: 9, stones: [], ghostColor: 'B' } })
    const svg = wrapper.get('svg')
    expect(svg.attributes('tabindex')).toBe('0')
    await svg.trigger('keydown', { key: 'ArrowLeft' })
    await svg.trigger('keydown', { key: 'ArrowUp' })
    await svg.trigger('keydown', { key: 'ArrowUp' })
    const cursor = wrapper.get('[data-testid="cursor"]')
    expect([cursor.attributes('x'), cursor.attributes('y')]).toEqual(['2.5', '1.5'])
    await svg.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('select')).toEqual([[{ x: 3, y: 2 }]])
  })

  it('keeps the cursor on the board', async () => {
    const wrapper = mount(GoBoard, { props: { size: 9, stones: [] } })
    const svg = wrapper.get('svg')
    for (let step = 0; step < 12; step++) {
      await svg.trigger('keydown', { key: 'ArrowRight' })
    }
    await svg.trigger('keydown', { key: ' ' })
    expect(wrapper.emitted('select')).toEqual([[{ x: 8, y: 4 }]])
  })

  it('emits nothing while disabled', async () => {
    const wrapper = mount(GoBoard, { props: { size: 9, stones: [], disabled: true } })
    await wrapper.get('svg').trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('select')).toBeUndefined()
  })

  it('shows territory and dead stones', () => {
    const owner = new Array(81).fill(null)
    owner[0] = 'B'
    owner[80] = 'W'
    const wrapper = mount(GoBoard, {
      props: { size: 9, stones: [{ x: 8, y: 8, color: 'B' }], owner, dead: new Set([80]) },
    })
    expect(wrapper.findAll('[data-territory]').map((mark) => mark.attributes('data-color'))).toEqual(['B', 'W'])
    expect(wrapper.get('[data-stone]').attributes('data-dead')).toBe('true')
  })
})

describe('RecordForm', () => {
  it('shows each field error next to its field', () => {
    const wrapper = mount(RecordForm, {
      props: {
        mode: 'create',
        submitLabel: 'Start',
        errors: { komi: ['Komi must be a multiple of 0.5.'], black_player: ['This field may not be blank.'] },
      },
    })
    expect(wrapper.get('[data-error-for="komi"]').text()).toBe('Komi must be a multiple of 0.5.')
    expect(wrapper.get('[data-error-for="black_player"]').text()).toBe('This field may not be blank.')
    expect(wrapper.get('#komi').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#name').attributes('aria-invalid')).toBe('false')
    // The message sits in the same field block as its input.
    expect(wrapper.get('#komi').element.parentElement?.textContent).toContain('Komi must be a multiple of 0.5.')
  })

  it('submits the values typed', async () => {
    const wrapper = mount(RecordForm, { props: { mode: 'create', submitLabel: 'Start' } })
    await wrapper.get('input[name="board_size"][value="9"]').setValue(true)
    await wrapper.get('#black_player').setValue('Ann')
    await wrapper.get('#komi').setValue('6.5')
    await wrapper.get('#ruleset').setValue('JPN')
    await wrapper.get('form').trigger('submit')
    const values = wrapper.emitted('submit')![0]![0]
    expect(values).toMatchObject({ board_size: 9, black_player: 'Ann', white_player: 'White', komi: 6.5, ruleset: 'JPN', handicap: 0 })
  })

  it('offers the winner only when editing', () => {
    const create = mount(RecordForm, { props: { mode: 'create', submitLabel: 'Start' } })
    expect(create.find('#winner').exists()).toBe(false)
    const edit = mount(RecordForm, { props: { mode: 'edit', submitLabel: 'Save', initial: { winner: 'W', board_size: 13 } } })
    expect((edit.get('#winner').element as HTMLSelectElement).value).toBe('W')
    expect(edit.find('input[name="board_size"]').exists()).toBe(false)
  })
})

describe('ReplayControls', () => {
  it('steps through the moves', async () => {
    const wrapper = mount(ReplayControls, { props: { total: 5, modelValue: 5 } })
    const clickAndSync = async (label: string) => {
      await wrapper.get(`[aria-label="${label}"]`).trigger('click')
      const updates = wrapper.emitted('update:modelValue')!
      await wrapper.setProps({ modelValue: updates.at(-1)![0] as number })
    }
    await clickAndSync('Previous move')
    expect(wrapper.props('modelValue')).toBe(4)
    await clickAndSync('First move')
    expect(wrapper.props('modelValue')).toBe(0)
    expect(wrapper.get('[aria-label="Previous move"]').attributes('disabled')).toBeDefined()
    await clickAndSync('Next move')
    expect(wrapper.props('modelValue')).toBe(1)
    await clickAndSync('Last move')
    expect(wrapper.props('modelValue')).toBe(5)
    await wrapper.get('input[type="range"]').setValue('2')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual([2])
  })
})
