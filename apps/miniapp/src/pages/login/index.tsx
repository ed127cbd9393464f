import { View, Text } from '@tarojs/components'
export default function Login() {
  return <View className="x"><Text>登录</Text></View>
}
