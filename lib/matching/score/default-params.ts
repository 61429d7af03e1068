// The parameters a fresh install scores with: estimated by EM (unsupervised) on generated company
// data, not hand-tuned. Re-create with the command recorded in default-params.json → training.command.
import defaultParametersJson from './default-params.json';
import { parseMatchParameters, withDeclaredLevels, type MatchParameters } from './params';

export const DEFAULT_MATCH_PARAMETERS: MatchParameters = withDeclaredLevels(parseMatchParameters(defaultParametersJson));
