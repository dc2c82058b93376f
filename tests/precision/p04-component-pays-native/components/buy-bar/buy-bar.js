const { buyCourse } = require('../../utils/pay')

Component({
  properties: { courseId: String },
  methods: {
    buy() {
      buyCourse(this.properties.courseId)
    },
  },
})
