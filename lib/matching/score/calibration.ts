// Honest probabilities: Fellegi–Sunter's p assumes independent fields and is too sure (">99.9%" on pairs
// stewards reject). With enough steward decisions p is re-read from the match weight by a logistic fit
// (Platt scaling), pulled towards the uncalibrated reading so a few labels move it little.

export interface Calibration {
  /** p = 1 / (1 + e^−(slope·W + intercept)), W the match weight in bits; ln 2 and 0 leave p unchanged. */
  slope: number;
  intercept: number;
  labels: { matches: number; nonMatches: number };
}

/** Below this many decisions of either kind (about 15 per fitted number) a fit says more about the labels drawn than the model. */
export const MIN_CALIBRATION_LABELS = 30;
/** Pseudo-observations' weight of the uncalibrated reading (a Gaussian prior on slope and intercept). */
const PRIOR_PRECISION = 1;
const IDENTITY = { slope: Math.LN2, intercept: 0 };

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export function calibratedProbability(matchWeight: number, calibration: Pick<Calibration, 'slope' | 'intercept'>): number {
  return sigmoid(calibration.slope * matchWeight + calibration.intercept);
}

/** Negative log posterior of slope and intercept. */
function objective(weights: readonly number[], labels: readonly boolean[], slope: number, intercept: number): number {
  let total = (PRIOR_PRECISION / 2) * ((slope - IDENTITY.slope) ** 2 + (intercept - IDENTITY.intercept) ** 2);
  weights.forEach((weight, index) => {
    const z = slope * weight + intercept;
    // log(1 + e^z) − y·z, computed without overflow.
    total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (labels[index] ? z : 0);
  });
  return total;
}

/** Maximum a-posteriori logistic fit of labels on match weights (Newton's method); null with too few labels. */
export function fitCalibration(weights: readonly number[], labels: readonly boolean[]): Calibration | null {
  if (weights.length !== labels.length) throw new Error(`${weights.length} weights but ${labels.length} labels`);
  const matches = labels.filter(Boolean).length;
  const nonMatches = labels.length - matches;
  if (matches < MIN_CALIBRATION_LABELS || nonMatches < MIN_CALIBRATION_LABELS) return null;
  let { slope, intercept } = IDENTITY;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    // Gradient and Hessian of the negative log posterior.
    let gSlope = PRIOR_PRECISION * (slope - IDENTITY.slope);
    let gIntercept = PRIOR_PRECISION * (intercept - IDENTITY.intercept);
    let hss = PRIOR_PRECISION;
    let hsi = 0;
    let hii = PRIOR_PRECISION;
    weights.forEach((weight, index) => {
      const p = sigmoid(slope * weight + intercept);
      const residual = p - (labels[index] ? 1 : 0);
      const curvature = p * (1 - p);
      gSlope += residual * weight;
      gIntercept += residual;
      hss += curvature * weight * weight;
      hsi += curvature * weight;
      hii += curvature;
    });
    const determinant = hss * hii - hsi * hsi;
    if (!(determinant > 0)) break;
    const stepSlope = (hii * gSlope - hsi * gIntercept) / determinant;
    const stepIntercept = (hss * gIntercept - hsi * gSlope) / determinant;
    // Newton from far away overshoots where p saturates: halve the step until the objective falls.
    const before = objective(weights, labels, slope, intercept);
    let scale = 1;
    while (scale > 1e-6 && objective(weights, labels, slope - scale * stepSlope, intercept - scale * stepIntercept) > before) scale /= 2;
    slope -= scale * stepSlope;
    intercept -= scale * stepIntercept;
    if (scale * (Math.abs(stepSlope) + Math.abs(stepIntercept)) < 1e-9) break;
  }
  // Decisions that do not rise with the weight say the labels, not the model, are off: no calibration.
  if (!(slope > 0) || !Number.isFinite(intercept)) return null;
  return { slope, intercept, labels: { matches, nonMatches } };
}
