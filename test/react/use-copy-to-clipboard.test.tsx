import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCopyToClipboard } from '../../src/react'

// jsdom has neither a clipboard nor execCommand: each test installs the browser behaviour it needs.
function installClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
}
function installExecCommand(result: boolean) {
  const spy = vi.fn((_command: string) => result)
  Object.defineProperty(document, 'execCommand', { value: spy, configurable: true })
  return spy
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard')
  Reflect.deleteProperty(document, 'execCommand')
  vi.useRealTimers()
})

describe('useCopyToClipboard', () => {
  it('copies with the Clipboard API and resets "copied" after the delay', async () => {
    vi.useFakeTimers()
    const written: string[] = []
    installClipboard(async (text) => void written.push(text))
    const { result } = renderHook(() => useCopyToClipboard({ resetAfterMs: 1000 }))
    await act(async () => expect(await result.current.copy('https://app.test/hook')).toBe(true))
    expect(written).toEqual(['https://app.test/hook'])
    expect(result.current.copied).toBe(true)
    // What the state is about: one hook can serve a list of values.
    expect(result.current.text).toBe('https://app.test/hook')
    act(() => vi.advanceTimersByTime(999))
    expect(result.current.copied).toBe(true)
    act(() => vi.advanceTimersByTime(1))
    expect(result.current.copied).toBe(false)
  })

  it('falls back to a selection copy when the Clipboard API refuses (insecure context)', async () => {
    installClipboard(async () => {
      throw new DOMException('Write permission denied', 'NotAllowedError')
    })
    const execCommand = installExecCommand(true)
    const { result } = renderHook(() => useCopyToClipboard())
    await act(async () => expect(await result.current.copy('abc')).toBe(true))
    expect(execCommand).toHaveBeenCalledWith('copy')
    expect(result.current).toMatchObject({ copied: true, error: undefined })
    expect(document.querySelector('textarea')).toBeNull() // cleaned up
  })

  it('falls back when there is no Clipboard API at all', async () => {
    installExecCommand(true)
    const { result } = renderHook(() => useCopyToClipboard())
    await act(async () => expect(await result.current.copy('abc')).toBe(true))
  })

  it('explains when both ways fail', async () => {
    installClipboard(async () => {
      throw new Error('Document is not focused')
    })
    installExecCommand(false)
    const { result } = renderHook(() => useCopyToClipboard())
    await act(async () => expect(await result.current.copy('abc')).toBe(false))
    expect(result.current.copied).toBe(false)
    expect(result.current.error?.message).toMatch(/Could not copy.*Document is not focused/)
    expect(result.current.text).toBe('abc')
  })

  it('clears its timer on unmount', async () => {
    vi.useFakeTimers()
    installClipboard(async () => undefined)
    const { result, unmount } = renderHook(() => useCopyToClipboard())
    await act(() => result.current.copy('x'))
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
