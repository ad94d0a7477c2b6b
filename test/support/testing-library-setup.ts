import { configure } from '@testing-library/react'

// findBy*/waitFor give up after 1 s by default; a first run on a clean clone (Vite optimizing
// dependencies, every project starting at once on two cores) can take longer than that.
configure({ asyncUtilTimeout: 10_000 })
