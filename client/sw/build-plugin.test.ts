import { describe, expect, it } from 'vitest'
import { precacheable } from './build-plugin'

describe('what the service worker keeps for offline reloads', () => {
  it('keeps the hashed build files and the two languages the app uses', () => {
    for (const file of ['assets/index-DvDp0nDQ.js', 'assets/index-D6QT-VRR.css', 'assets/0_merged-DppwCPWP.svg', 'assets/IBMPlexSans-Medium-BQLKo0ot.woff2', 'assets/ja-DP49dCMK.json', 'assets/en-C6xV0gTz.json']) {
      expect(precacheable(file), file).toBe(true)
    }
  })

  it('leaves out tldraw translations the app never loads, source maps and the worker itself', () => {
    for (const file of ['assets/fr-c1Go9tgC.json', 'assets/zh-cn-D5ilKeWa.json', 'assets/pt-br-BNgG1Iw6.json', 'assets/main-DGU508w5.json', 'assets/index-DvDp0nDQ.js.map', 'sw.js', 'index.html']) {
      expect(precacheable(file), file).toBe(false)
    }
  })
})
