export default function Page() { return <View onClick={buy}>立即开通 会员</View>; }
