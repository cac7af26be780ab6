import React from 'react'

import { EYE, PYTHON_BLUE, PYTHON_YELLOW, SNAKE_PATH } from './pythonLogo'

/** The two snakes as inline SVG, `size` pixels square. */
export const PythonMark = ({ size = 24 }: { size?: number }) => (
  <svg aria-hidden="true" height={size} viewBox="0 0 24 24" width={size} xmlns="http://www.w3.org/2000/svg">
    <path d={SNAKE_PATH} fill={PYTHON_BLUE} />
    <circle cx={EYE.cx} cy={EYE.cy} fill="#fff" r={EYE.r} />
    <g transform="rotate(180 12 12)">
      <path d={SNAKE_PATH} fill={PYTHON_YELLOW} />
      <circle cx={EYE.cx} cy={EYE.cy} fill="#fff" r={EYE.r} />
    </g>
  </svg>
)
