import { WebView } from '@tarojs/components'

export default function Index() {
  return <WebView src='https://www.xiaoce.fun/quiz' />
}
