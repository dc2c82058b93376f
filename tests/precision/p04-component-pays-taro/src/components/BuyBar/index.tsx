import { View, Button } from '@tarojs/components'
import { buyCourse } from '../../services/pay'

export default function BuyBar({ courseId }) {
  return (
    <View className='bar'>
      <Button onClick={() => buyCourse(courseId)}>购买课程</Button>
    </View>
  )
}
