/**
 * python.org's two snakes, drawn here (no image fetched from anywhere): one
 * snake, and the same turned half a turn about the centre in the other
 * colour, on a 24x24 grid. Used by the admin's Icon and Logo and, as a data
 * URL, as its favicon.
 */
export const PYTHON_BLUE = '#3776ab'
export const PYTHON_YELLOW = '#ffd43b'

/** one snake: head at the top, body down the left, tail turning right */
export const SNAKE_PATH =
  'M11.9 1C7.3 1 7.6 3 7.6 3v2.1h4.4v.6H5.8S3 5.4 3 10s2.5 4.4 2.5 4.4H7v-2.1s-.1-2.5 2.5-2.5h4.3s2.4 0 2.4-2.3V3.4S16.5 1 11.9 1z'
export const EYE = { cx: 9.6, cy: 2.9, r: 0.75 }

/** The mark as an SVG document (the favicon). */
export const pythonMarkSvg = (): string =>
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">' +
  `<path fill="${PYTHON_BLUE}" d="${SNAKE_PATH}"/>` +
  `<circle fill="#fff" cx="${EYE.cx}" cy="${EYE.cy}" r="${EYE.r}"/>` +
  `<g transform="rotate(180 12 12)"><path fill="${PYTHON_YELLOW}" d="${SNAKE_PATH}"/>` +
  `<circle fill="#fff" cx="${EYE.cx}" cy="${EYE.cy}" r="${EYE.r}"/></g>` +
  '</svg>'

export const pythonMarkDataUrl = (): string => `data:image/svg+xml,${encodeURIComponent(pythonMarkSvg())}`
