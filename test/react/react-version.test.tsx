// The react project runs on React 19, the react18 project on React 18.3 (vitest.config.ts):
// this fails if an alias stops reaching React, react-dom or a dependency that renders with them.
import { render, screen } from '@testing-library/react'
import { useState, version } from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'
import { WebhookStatusBadge } from '../../src/components'

describe('the React this project runs on', () => {
  const major = process.env.EXPECTED_REACT_MAJOR ?? '19'

  it(`is React ${major} for react and react-dom alike`, () => {
    expect(version.split('.')[0]).toBe(major)
    expect(domVersion).toBe(version)
  })

  it('renders hooks and our components through Testing Library with that one copy', () => {
    function Counter() {
      const [count] = useState(1)
      return (
        <p>
          {count} <WebhookStatusBadge status="active" />
        </p>
      )
    }
    render(<Counter />)
    expect(screen.getByText('Active')).toBeInTheDocument()
  })
})
