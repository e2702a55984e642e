import type { GridOptions } from 'ag-grid-community';
import './grid.css';

/**
 * What every ag-grid in the app shares for the keyboard: a grid is one Tab stop. Tab enters it on the cell (or
 * heading) last focused, the arrow keys move inside it, and the next Tab leaves it for the control after it,
 * rather than walking every cell (ag-grid's default, which made a 29-row preview 300 Tab presses long).
 * Returning false from these callbacks hands Tab back to the browser.
 */
export const gridKeyboard = {
  tabToNextCell: () => false,
  tabToNextHeader: () => false,
} satisfies GridOptions;
