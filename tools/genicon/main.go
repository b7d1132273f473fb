// Command genicon draws Repère Cyber's icon: a white shield holding a map
// pin (« repère ») on a deep blue rounded square. It writes a 512×512 PNG.
//
// Usage: go run ./tools/genicon -o assets/icon.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

var (
	blue  = color.RGBA{0x00, 0x00, 0x91, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	red   = color.RGBA{0xe1, 0x00, 0x0f, 0xff}
)

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG file")
	flag.Parse()
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	fill(img, roundedRect(24, 24, 488, 488, 96), blue)
	fill(img, shield(), white)
	fill(img, pin(256, 226, 78), blue)
	fill(img, circle(256, 226, 30), white)
	fill(img, circle(256, 226, 14), red)
	f, err := os.Create(*out)
	if err == nil {
		err = png.Encode(f, img)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
}

type path func(r *vector.Rasterizer)

func fill(dst *image.RGBA, p path, c color.Color) {
	r := vector.NewRasterizer(size, size)
	p(r)
	r.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
}

func roundedRect(x0, y0, x1, y1, rad float32) path {
	return func(r *vector.Rasterizer) {
		r.MoveTo(x0+rad, y0)
		r.LineTo(x1-rad, y0)
		r.QuadTo(x1, y0, x1, y0+rad)
		r.LineTo(x1, y1-rad)
		r.QuadTo(x1, y1, x1-rad, y1)
		r.LineTo(x0+rad, y1)
		r.QuadTo(x0, y1, x0, y1-rad)
		r.LineTo(x0, y0+rad)
		r.QuadTo(x0, y0, x0+rad, y0)
		r.ClosePath()
	}
}

// shield is a classic heater shield: flat shoulders, straight sides, and
// two curves meeting at a point at the bottom.
func shield() path {
	return func(r *vector.Rasterizer) {
		r.MoveTo(256, 84)
		r.QuadTo(320, 116, 396, 116)
		r.LineTo(396, 250)
		r.CubeTo(396, 350, 320, 408, 256, 440)
		r.CubeTo(192, 408, 116, 350, 116, 250)
		r.LineTo(116, 116)
		r.QuadTo(192, 116, 256, 84)
		r.ClosePath()
	}
}

// pin is a map marker: a circle of radius rad whose tangents meet at a
// point below it.
func pin(cx, cy, rad float32) path {
	return func(r *vector.Rasterizer) {
		tip := cy + rad*2.1
		// Tangent points from the tip to the circle.
		d := float64(tip - cy)
		a := math.Asin(float64(rad) / d)
		tx := float32(float64(rad) * math.Cos(a))
		ty := float32(float64(rad) * math.Sin(a))
		r.MoveTo(cx, tip)
		r.LineTo(cx-tx, cy+ty)
		arc(r, cx, cy, rad, math.Pi-a, 2*math.Pi+a)
		r.LineTo(cx, tip)
		r.ClosePath()
	}
}

func circle(cx, cy, rad float32) path {
	return func(r *vector.Rasterizer) {
		r.MoveTo(cx+rad, cy)
		arc(r, cx, cy, rad, 0, 2*math.Pi)
		r.ClosePath()
	}
}

// arc approximates a circular arc with short line segments, going from
// angle a0 to a1 (radians, y pointing down).
func arc(r *vector.Rasterizer, cx, cy, rad float32, a0, a1 float64) {
	const steps = 96
	for i := 0; i <= steps; i++ {
		t := a0 + (a1-a0)*float64(i)/steps
		r.LineTo(cx+rad*float32(math.Cos(t)), cy+rad*float32(math.Sin(t)))
	}
}
