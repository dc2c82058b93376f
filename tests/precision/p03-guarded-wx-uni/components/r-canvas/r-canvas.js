// Saves the poster the canvas drew, with each platform's own API.
export function saveImage(path) {
  if (typeof uni != 'undefined' && uni.saveImageToPhotosAlbum) {
    return uni.saveImageToPhotosAlbum({ filePath: path })
  } else if (typeof wx != 'undefined') {
    return wx.saveImageToPhotosAlbum({ filePath: path })
  }
}
