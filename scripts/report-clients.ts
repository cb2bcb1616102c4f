/**
 * `npm run report:clients`: per mail client, its steps, how many of them a cited vendor page confirms
 * (the sources' `confirms` lists in src/core/clients/), and how many sources it cites; then the totals.
 */
import { clientCoverage, formatCoverage } from '../src/core/clients/coverage';

process.stdout.write(formatCoverage(clientCoverage()));
