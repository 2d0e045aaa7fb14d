import GLM
import Plot
