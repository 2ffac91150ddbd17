// Imaging through OpenCV: decoding to 8-bit grayscale, encoding, resampling, warps, thresholds, morphology, drawing.
// An image handle is a cv::Mat* of 8-bit pixels (1 or 3 channels) owned by the caller until dgo_image_free.
#include "dgo.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <iomanip>
#include <sstream>

typedef cv::Mat* dgo_image;

namespace {

dgo_image wrap_image(cv::Mat mat) {
  auto* image = new cv::Mat(std::move(mat));
  dgo::count_image(+1);
  return image;
}

uint32_t be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}
uint16_t be16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }
int32_t le32(const uint8_t* p) {
  return static_cast<int32_t>(uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24));
}

// Reads the pixel dimensions from a PNG, JPEG or BMP header without decoding, so that a huge image is refused
// before OpenCV allocates it. Returns false when the format is not one of these or the header is cut short.
bool header_size(const uint8_t* d, int64_t n, int64_t& width, int64_t& height) {
  static const uint8_t png[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (n >= 24 && std::memcmp(d, png, 8) == 0) {
    width = be32(d + 16);
    height = be32(d + 20);
    return true;
  }
  if (n >= 26 && d[0] == 'B' && d[1] == 'M') {
    width = std::abs(static_cast<int64_t>(le32(d + 18)));
    height = std::abs(static_cast<int64_t>(le32(d + 22)));
    return true;
  }
  if (n >= 4 && d[0] == 0xFF && d[1] == 0xD8) {
    int64_t i = 2;
    while (i + 9 < n) {
      if (d[i] != 0xFF) return false;
      const uint8_t marker = d[i + 1];
      if (marker == 0xFF) { ++i; continue; }
      const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        height = be16(d + i + 5);
        width = be16(d + i + 7);
        return true;
      }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { i += 2; continue; }
      i += 2 + be16(d + i + 2);
    }
  }
  return false;
}

// Gray from any decoded Mat: 16-bit and float scaled to 8-bit; alpha composited over white paper.
cv::Mat to_gray8(const cv::Mat& src) {
  cv::Mat img = src;
  if (img.depth() == CV_16U) {
    img.convertTo(img, CV_8U, 1.0 / 257.0);
  } else if (img.depth() == CV_32F || img.depth() == CV_64F) {
    img.convertTo(img, CV_8U, 255.0);
  } else if (img.depth() != CV_8U) {
    img.convertTo(img, CV_8U);
  }
  const int c = img.channels();
  if (c == 1) return img.clone();
  if (c == 3) {
    cv::Mat gray;
    cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
    return gray;
  }
  cv::Mat color, alpha;
  if (c == 2) {
    std::vector<cv::Mat> parts;
    cv::split(img, parts);
    color = parts[0];
    alpha = parts[1];
  } else {
    cv::cvtColor(img, color, cv::COLOR_BGRA2GRAY);
    cv::extractChannel(img, alpha, 3);
  }
  cv::Mat c32, a32;
  color.convertTo(c32, CV_32F);
  alpha.convertTo(a32, CV_32F, 1.0 / 255.0);
  cv::Mat out32 = c32.mul(a32) + (1.0 - a32) * 255.0;
  cv::Mat out;
  out32.convertTo(out, CV_8U);
  return out;
}

void check_image(dgo_image image) {
  TORCH_CHECK(image != nullptr && !image->empty(), "the image is empty");
}

}  // namespace

// Decodes PNG/JPEG/BMP/TIFF/... bytes to 8-bit grayscale, applying EXIF orientation. Images with more than
// max_pixels pixels are refused from their header (max_pixels <= 0: no limit of ours).
DGO_API dgo_image dgo_image_decode(const uint8_t* data, int64_t length, int64_t max_pixels) {
  DGO_TRY
  TORCH_CHECK(length > 0, "the input is empty (0 bytes)");
  int64_t width = 0, height = 0;
  if (header_size(data, length, width, height) && max_pixels > 0) {
    TORCH_CHECK(width * height <= max_pixels, "the image is ", width, "x", height, " = ", width * height,
                " pixels, more than the limit of ", max_pixels, " pixels; scale it down or raise the limit");
  }
  const cv::Mat raw(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t*>(data));
  // PNG may carry alpha, which only IMREAD_UNCHANGED keeps; elsewhere ANYDEPTH|ANYCOLOR also applies EXIF orientation.
  const bool is_png = length >= 8 && data[0] == 0x89 && data[1] == 'P';
  const int flags = is_png ? cv::IMREAD_UNCHANGED : (cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
  cv::Mat decoded = cv::imdecode(raw, flags);
  if (decoded.empty()) {
    std::ostringstream head;
    for (int64_t i = 0; i < std::min<int64_t>(length, 8); ++i) {
      // Two hex digits per byte, as hex dumps print them: 89 50 4e 47 0d 0a 1a 0a.
      head << (i ? " " : "") << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(data[i]);
    }
    TORCH_CHECK(false, "not a decodable image (", length, " bytes starting with ", head.str(),
                "): the data is corrupt, truncated, or not PNG/JPEG/BMP/TIFF/WebP");
  }
  if (max_pixels > 0) {
    const int64_t pixels = static_cast<int64_t>(decoded.cols) * decoded.rows;
    TORCH_CHECK(pixels <= max_pixels, "the image is ", decoded.cols, "x", decoded.rows,
                " pixels, more than the limit of ", max_pixels, " pixels; scale it down or raise the limit");
  }
  return wrap_image(to_gray8(decoded));
  DGO_CATCH(nullptr)
}

// Copies rows of `channels` 8-bit pixels (row stride in bytes) into a new image.
DGO_API dgo_image dgo_image_from_pixels(const uint8_t* data, int32_t width, int32_t height, int32_t channels,
                                        int64_t stride) {
  DGO_TRY
  TORCH_CHECK(width > 0 && height > 0, "image size must be positive, got ", width, "x", height);
  TORCH_CHECK(channels == 1 || channels == 3, "channels must be 1 or 3, got ", channels);
  TORCH_CHECK(stride >= static_cast<int64_t>(width) * channels, "row stride ", stride, " is shorter than a row");
  const cv::Mat view(height, width, CV_8UC(channels), const_cast<uint8_t*>(data), static_cast<size_t>(stride));
  return wrap_image(view.clone());
  DGO_CATCH(nullptr)
}

DGO_API dgo_image dgo_image_new(int32_t width, int32_t height, int32_t channels, int32_t fill) {
  DGO_TRY
  TORCH_CHECK(width > 0 && height > 0, "image size must be positive, got ", width, "x", height);
  TORCH_CHECK(channels == 1 || channels == 3, "channels must be 1 or 3, got ", channels);
  return wrap_image(cv::Mat(height, width, CV_8UC(channels), cv::Scalar::all(fill)));
  DGO_CATCH(nullptr)
}

DGO_API void dgo_image_free(dgo_image image) {
  if (!image) return;
  delete image;
  dgo::count_image(-1);
}

DGO_API int32_t dgo_image_info(dgo_image image, int32_t* width, int32_t* height, int32_t* channels) {
  DGO_STATUS({
    check_image(image);
    *width = image->cols;
    *height = image->rows;
    *channels = image->channels();
  })
}

DGO_API int32_t dgo_image_copy_to(dgo_image image, uint8_t* dst, int64_t dst_stride) {
  DGO_STATUS({
    check_image(image);
    const size_t row = static_cast<size_t>(image->cols) * image->elemSize();
    TORCH_CHECK(dst_stride >= static_cast<int64_t>(row), "destination stride ", dst_stride, " is shorter than a row");
    for (int y = 0; y < image->rows; ++y) std::memcpy(dst + y * dst_stride, image->ptr(y), row);
  })
}

// Encodes with the extension's codec (".png", ".jpg", ".bmp", ".tif"); quality applies to JPEG.
DGO_API dgo_buffer dgo_image_encode(dgo_image image, const char* extension, int32_t quality) {
  DGO_TRY
  check_image(image);
  std::vector<uchar> bytes;
  const std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY, quality};
  TORCH_CHECK(cv::imencode(extension, *image, bytes, params), "OpenCV could not encode as '", extension, "'");
  return dgo::wrap_buffer(std::vector<char>(bytes.begin(), bytes.end()));
  DGO_CATCH(nullptr)
}

DGO_API dgo_image dgo_image_clone(dgo_image image) {
  DGO_TRY check_image(image); return wrap_image(image->clone()); DGO_CATCH(nullptr)
}

DGO_API dgo_image dgo_image_crop(dgo_image image, int32_t x, int32_t y, int32_t width, int32_t height) {
  DGO_TRY
  check_image(image);
  const cv::Rect rect(x, y, width, height);
  TORCH_CHECK((rect & cv::Rect(0, 0, image->cols, image->rows)) == rect, "crop ", width, "x", height, " at (", x,
              ",", y, ") leaves the ", image->cols, "x", image->rows, " image");
  return wrap_image((*image)(rect).clone());
  DGO_CATCH(nullptr)
}

// interpolation: cv::InterpolationFlags (0 nearest, 1 linear, 2 cubic, 3 area).
DGO_API dgo_image dgo_image_resize(dgo_image image, int32_t width, int32_t height, int32_t interpolation) {
  DGO_TRY
  check_image(image);
  TORCH_CHECK(width > 0 && height > 0, "resize target must be positive, got ", width, "x", height);
  cv::Mat out;
  cv::resize(*image, out, cv::Size(width, height), 0, 0, interpolation);
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

// matrix: 2x3 row-major (source -> destination); border_mode: cv::BorderTypes (0 constant, 1 replicate).
DGO_API dgo_image dgo_image_warp_affine(dgo_image image, const double* matrix, int32_t width, int32_t height,
                                        int32_t interpolation, int32_t border_mode, double border_value) {
  DGO_TRY
  check_image(image);
  const cv::Mat m(2, 3, CV_64F, const_cast<double*>(matrix));
  cv::Mat out;
  cv::warpAffine(*image, out, m, cv::Size(width, height), interpolation, border_mode, cv::Scalar::all(border_value));
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

// matrix: 3x3 row-major homography (source -> destination).
DGO_API dgo_image dgo_image_warp_perspective(dgo_image image, const double* matrix, int32_t width, int32_t height,
                                             int32_t interpolation, int32_t border_mode, double border_value) {
  DGO_TRY
  check_image(image);
  const cv::Mat m(3, 3, CV_64F, const_cast<double*>(matrix));
  cv::Mat out;
  cv::warpPerspective(*image, out, m, cv::Size(width, height), interpolation, border_mode,
                      cv::Scalar::all(border_value));
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

// type: cv::ThresholdTypes (0 binary, 1 binary inverted, ...).
DGO_API dgo_image dgo_image_threshold(dgo_image image, double threshold, double max_value, int32_t type) {
  DGO_TRY
  check_image(image);
  cv::Mat out;
  cv::threshold(*image, out, threshold, max_value, type);
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

// op: cv::MorphTypes (0 erode, 1 dilate); a square kernel of side `kernel_size`.
DGO_API dgo_image dgo_image_morphology(dgo_image image, int32_t op, int32_t kernel_size, int32_t iterations) {
  DGO_TRY
  check_image(image);
  TORCH_CHECK(kernel_size > 0, "kernel size must be positive, got ", kernel_size);
  const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kernel_size, kernel_size));
  cv::Mat out;
  cv::morphologyEx(*image, out, op, kernel, cv::Point(-1, -1), iterations);
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

DGO_API dgo_image dgo_image_gaussian_blur(dgo_image image, int32_t kernel_size, double sigma) {
  DGO_TRY
  check_image(image);
  cv::Mat out;
  cv::GaussianBlur(*image, out, cv::Size(kernel_size, kernel_size), sigma);
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

// code: cv::ColorConversionCodes (8 = GRAY2BGR, 6 = BGR2GRAY).
DGO_API dgo_image dgo_image_convert_color(dgo_image image, int32_t code) {
  DGO_TRY
  check_image(image);
  cv::Mat out;
  cv::cvtColor(*image, out, code);
  return wrap_image(out);
  DGO_CATCH(nullptr)
}

// Drawing in place; colours are B, G, R (a gray image uses the first); thickness < 0 fills.
DGO_API int32_t dgo_image_draw_rectangle(dgo_image image, int32_t x1, int32_t y1, int32_t x2, int32_t y2, double b,
                                         double g, double r, int32_t thickness) {
  DGO_STATUS({
    check_image(image);
    cv::rectangle(*image, cv::Point(x1, y1), cv::Point(x2, y2), cv::Scalar(b, g, r), thickness, cv::LINE_AA);
  })
}

DGO_API int32_t dgo_image_draw_line(dgo_image image, double x1, double y1, double x2, double y2, double b, double g,
                                    double r, int32_t thickness) {
  DGO_STATUS({
    check_image(image);
    // Sub-pixel endpoints: 4 fractional bits.
    const int shift = 4;
    const double k = 1 << shift;
    cv::line(*image, cv::Point(cvRound(x1 * k), cvRound(y1 * k)), cv::Point(cvRound(x2 * k), cvRound(y2 * k)),
             cv::Scalar(b, g, r), thickness, cv::LINE_AA, shift);
  })
}

DGO_API int32_t dgo_image_draw_text(dgo_image image, const char* text, int32_t x, int32_t y, double scale, double b,
                                    double g, double r, int32_t thickness) {
  DGO_STATUS({
    check_image(image);
    cv::putText(*image, text, cv::Point(x, y), cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(b, g, r), thickness,
                cv::LINE_AA);
  })
}

// Pastes `src` onto `dst` in place with its top-left at (x, y), clipped to `dst`. mode: 0 copy, 1 per-pixel
// maximum, 2 per-pixel minimum (for composing ink layers where the darker or brighter stroke wins).
DGO_API int32_t dgo_image_draw_image(dgo_image dst, dgo_image src, int32_t x, int32_t y, int32_t mode) {
  DGO_STATUS({
    check_image(dst);
    check_image(src);
    TORCH_CHECK(dst->type() == src->type(), "cannot paste a ", src->channels(), "-channel image onto a ",
                dst->channels(), "-channel image");
    TORCH_CHECK(mode >= 0 && mode <= 2, "paste mode must be 0 (copy), 1 (max) or 2 (min), got ", mode);
    const cv::Rect target = cv::Rect(x, y, src->cols, src->rows) & cv::Rect(0, 0, dst->cols, dst->rows);
    if (!target.empty()) {
      const cv::Rect source(target.x - x, target.y - y, target.width, target.height);
      cv::Mat to = (*dst)(target);
      const cv::Mat from = (*src)(source);
      if (mode == 0) {
        from.copyTo(to);
      } else if (mode == 1) {
        cv::max(to, from, to);
      } else {
        cv::min(to, from, to);
      }
    }
  })
}

// Draws, in place, an antialiased polyline through n sub-pixel points (xy interleaved), closed or open; a negative
// thickness fills the polygon instead.
DGO_API int32_t dgo_image_draw_polyline(dgo_image image, const double* xy, int32_t n, int32_t closed, double b,
                                        double g, double r, int32_t thickness) {
  DGO_STATUS({
    check_image(image);
    TORCH_CHECK(n >= 2, "a polyline needs at least 2 points, got ", n);
    const int shift = 4;
    const double k = 1 << shift;
    std::vector<cv::Point> points(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) points[i] = cv::Point(cvRound(xy[2 * i] * k), cvRound(xy[2 * i + 1] * k));
    const cv::Scalar color(b, g, r);
    if (thickness < 0) {
      const cv::Point* pts = points.data();
      const int count = n;
      cv::fillPoly(*image, &pts, &count, 1, color, cv::LINE_AA, shift);
    } else {
      cv::polylines(*image, points, closed != 0, color, thickness, cv::LINE_AA, shift);
    }
  })
}

// Draws, in place, an antialiased circle (sub-pixel centre and radius); a negative thickness fills it.
DGO_API int32_t dgo_image_draw_circle(dgo_image image, double cx, double cy, double radius, double b, double g,
                                      double r, int32_t thickness) {
  DGO_STATUS({
    check_image(image);
    TORCH_CHECK(radius >= 0, "a circle's radius must not be negative, got ", radius);
    const int shift = 4;
    const double k = 1 << shift;
    cv::circle(*image, cv::Point(cvRound(cx * k), cvRound(cy * k)), cvRound(radius * k), cv::Scalar(b, g, r),
               thickness, cv::LINE_AA, shift);
  })
}
