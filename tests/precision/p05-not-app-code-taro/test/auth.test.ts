import { describe, expect, it } from 'vitest'
import { loginTip } from '../src/utils/tip'

describe('loginTip', () => {
  it('names the official account', () => {
    expect(loginTip()).toBe('关注公众号「德恒律师」')
  })
})
