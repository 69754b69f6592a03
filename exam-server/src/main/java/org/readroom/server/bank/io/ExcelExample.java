package org.readroom.server.bank.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of {@code docs/examples/bank-example-zh.xlsx}: a small Chinese radiology bank with every item type
 * (chest CT nodules, stroke CT, wrist fractures), and a case cluster whose questions have every single-question type. Its series ids (CT-CHEST-0001, CT-HEAD-0001, DX-WRIST-0001) stand
 * for cases imported with {@code readroom cases import}; replace them with the ids of your own cases.
 *
 * <p>Each row is written as "列名: 值" lines, a blank line between rows; an indented line continues the value above
 * on a new line of the cell.
 */
final class ExcelExample {

    static final String CHEST_CT = "CT-CHEST-0001";
    static final String HEAD_CT = "CT-HEAD-0001";
    static final String WRIST_DX = "DX-WRIST-0001";

    private static final Set<ExcelColumn> NUMBERS = EnumSet.of(
            ExcelColumn.MARKS,
            ExcelColumn.VALUE,
            ExcelColumn.TOLERANCE,
            ExcelColumn.FRAME,
            ExcelColumn.WIDTH,
            ExcelColumn.HEIGHT);

    private ExcelExample() {}

    static Map<ExcelSheet, List<Map<ExcelColumn, Object>>> rows() {
        Map<ExcelSheet, List<Map<ExcelColumn, Object>>> rows = new EnumMap<>(ExcelSheet.class);
        rows.put(
                ExcelSheet.SINGLE_CHOICE,
                rows(
                        """
            题号: CHEST-SC-001
            题干(中文): 男，58岁，体检胸部CT发现右肺上叶实性结节，直径约12 mm，边缘分叶并有短毛刺。最可能的诊断是
            题干(英文): A 58-year-old man: screening chest CT shows a 12 mm solid nodule in the right upper lobe with lobulated, spiculated margins. The most likely diagnosis is
            选项A: 肺错构瘤 | Pulmonary hamartoma
            选项B: 周围型肺癌 | Peripheral lung cancer
            选项C: 结核球 | Tuberculoma
            选项D: 炎性假瘤 | Inflammatory pseudotumour
            选项E: 肺囊肿 | Pulmonary cyst
            正确答案: B
            分值: 1
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 中
            教学要点: 分叶征与毛刺征提示恶性 | Lobulation and spiculation suggest malignancy

            题号: NEURO-SC-001
            题干(中文): 急性缺血性脑卒中发病后数小时内，头颅CT平扫最早可能出现的征象是
            选项A: 脑回样强化
            选项B: 大脑中动脉高密度征
            选项C: 脑室扩大
            选项D: 中线结构明显移位
            选项E: 脑萎缩
            正确答案: B
            分值: 1
            系统: 神经
            亚专业: 脑血管
            诊断: 急性脑梗死
            难度: 中
            教学要点: 大脑中动脉高密度征提示动脉内血栓
              岛带征、豆状核模糊为早期缺血征象

            题号: MSK-SC-001
            题干(中文): 老年女性跌倒时手掌撑地，腕关节正侧位X线示桡骨远端骨折，远折端向背侧及桡侧移位。最可能的诊断是
            选项A: Smith骨折
            选项B: Colles骨折
            选项C: Barton骨折
            选项D: 舟骨骨折
            选项E: 孟氏骨折
            正确答案: b
            分值: 1
            影像: DX-WRIST-0001
            系统: 骨肌
            亚专业: 创伤
            诊断: 桡骨远端骨折
            难度: 易
            """));
        rows.put(
                ExcelSheet.MULTIPLE_CHOICE,
                rows(
                        """
            题号: CHEST-MC-001
            题干(中文): 提示肺结节恶性可能的CT征象有
            选项A: 分叶征
            选项B: 毛刺征
            选项C: 胸膜凹陷征
            选项D: 爆米花样钙化
            选项E: 空泡征
            正确答案: ABCE
            多选计分: 按选项
            分值: 2
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 中

            题号: NEURO-MC-001
            题干(中文): 急性硬膜外血肿的典型CT表现包括
            选项A: 颅骨内板下双凸透镜形高密度影
            选项B: 常伴颅骨骨折
            选项C: 常跨越颅缝
            选项D: 一般不跨越颅缝
            选项E: 沿大脑凸面分布的新月形高密度影
            正确答案: A,B,D
            多选计分: 对减错
            分值: 2
            系统: 神经
            亚专业: 颅脑外伤
            诊断: 硬膜外血肿
            难度: 难
            """));
        rows.put(
                ExcelSheet.TRUE_FALSE,
                rows(
                        """
            题号: CHEST-TF-001
            题干(中文): 磨玻璃密度结节持续存在3个月以上，应警惕早期肺腺癌的可能。
            题干(英文): A ground-glass nodule persisting for more than 3 months should raise suspicion of early adenocarcinoma.
            正确答案: 对
            分值: 1
            系统: 胸部
            亚专业: 肺
            难度: 易

            题号: NEURO-TF-001
            题干(中文): 蛛网膜下腔出血在发病数周后行CT平扫，其检出率高于发病24小时内。
            正确答案: 错
            分值: 1
            系统: 神经
            亚专业: 脑血管
            诊断: 蛛网膜下腔出血
            难度: 中
            """));
        rows.put(
                ExcelSheet.CASE_CLUSTER,
                rows(
                        """
            组号: CASE-STROKE-01
            病历(中文): 男，67岁，突发左侧肢体无力伴言语不清3小时。既往高血压病史10年。急诊行头颅CT平扫。
            影像: CT-HEAD-0001
            逐题锁定: 否
            系统: 神经
            亚专业: 脑血管
            诊断: 急性脑梗死
            难度: 中
            教学要点: 急诊卒中首选CT平扫以排除出血
            题号: CASE-STROKE-01-1
            题型: 单选
            题干(中文): 首选的影像学检查是
            选项A: 头颅CT平扫
            选项B: 头颅MRI增强
            选项C: DSA
            选项D: 脑电图
            选项E: 经颅多普勒超声
            正确答案: A
            分值: 1

            组号: CASE-STROKE-01
            题号: CASE-STROKE-01-2
            题干(中文): CT未见出血。对显示超急性期缺血灶最敏感的检查是
            选项A: MRI弥散加权成像(DWI)
            选项B: T1加权成像
            选项C: CT增强扫描
            选项D: 头颅X线平片
            选项E: 磁敏感加权成像(SWI)
            正确答案: A
            分值: 1

            组号: CASE-STROKE-01
            题号: CASE-STROKE-01-3
            题型: 多选
            题干(中文): 静脉溶栓治疗前，影像学上需要排除的情况有
            选项A: 颅内出血
            选项B: 大面积脑梗死（超过大脑中动脉供血区1/3）
            选项C: 颅内占位性病变
            选项D: 陈旧性腔隙性梗死
            正确答案: ABC
            多选计分: 全对得分
            分值: 2

            组号: CASE-LUNG-01
            病历(中文): 女，62岁，吸烟30年，咳嗽、痰中带血2个月。胸部CT示左肺门旁软组织肿块，远端肺组织实变、体积缩小。
            影像: CT-CHEST-0001
            逐题锁定: 是
            系统: 胸部
            亚专业: 肺
            诊断: 中央型肺癌
            难度: 难
            题号: CASE-LUNG-01-1
            题干(中文): 最可能的诊断是
            选项A: 中央型肺癌伴阻塞性肺不张
            选项B: 肺结核
            选项C: 肺脓肿
            选项D: 大叶性肺炎
            选项E: 肺隔离症
            正确答案: A
            分值: 1

            组号: CASE-LUNG-01
            病历(中文): 女，62岁，吸烟30年，咳嗽、痰中带血2个月。胸部CT示左肺门旁软组织肿块，远端肺组织实变、体积缩小。
            题号: CASE-LUNG-01-2
            题干(中文): 区分肿块与远端不张肺组织最有帮助的检查是
            选项A: 增强CT
            选项B: 高分辨率CT
            选项C: 胸部X线正侧位
            选项D: 低剂量CT
            选项E: 胸部超声
            正确答案: A
            分值: 1

            组号: CASE-LUNG-01
            题号: CASE-LUNG-01-3
            题型: 判断
            题干(中文): 同侧肺门淋巴结肿大提示可能有N1淋巴结转移。
            正确答案: 对
            分值: 1

            组号: CASE-WRIST-01
            病历(中文): 女，68岁，行走时跌倒，右手掌撑地，右腕肿痛、活动受限2小时。查体见右腕“餐叉样”畸形。行右腕关节正侧位X线检查。
            病历(英文): A 68-year-old woman fell on her outstretched right hand 2 hours ago; the wrist is swollen and painful with a dinner-fork deformity. Wrist radiographs were taken.
            影像: DX-WRIST-0001
            逐题锁定: 是
            系统: 骨肌
            亚专业: 创伤
            诊断: 桡骨远端骨折
            难度: 中
            教学要点: 桡骨远端骨折的评估包括移位方向、关节面受累及复位后的角度测量 | Assess displacement, joint involvement and angles after reduction
            题号: CASE-WRIST-01-1
            题型: 单选
            题干(中文): 最可能的诊断是
            选项A: Colles骨折
            选项B: Smith骨折
            选项C: Barton骨折
            选项D: 腕舟骨骨折
            选项E: 月骨脱位
            正确答案: A
            分值: 1

            组号: CASE-WRIST-01
            题号: CASE-WRIST-01-2
            题型: 填空
            题干(中文): 侧位片上远折端向背侧移位、向掌侧成角，所形成的典型畸形称为______畸形。
            答案: 餐叉样; 餐叉
            同义词: 餐叉样=银叉样
            忽略空格: 是
            分值: 1

            组号: CASE-WRIST-01
            题号: CASE-WRIST-01-3
            题型: 数值
            题干(中文): 正常成人腕关节正位片上，桡骨远端尺偏角（尺倾角）约为多少度？
            标准值: 23
            允许误差: 3
            单位: °
            分值: 1

            组号: CASE-WRIST-01
            题号: CASE-WRIST-01-4
            题型: 图像标注
            题干(中文): 请在正位片上标出桡骨远端骨折线的位置。
            序列: DX-WRIST-0001
            图像序号: 1
            图像宽: 2000
            图像高: 2500
            形状: 椭圆
            坐标: 900,1800,260,120
            分值: 2

            组号: CASE-WRIST-01
            题号: CASE-WRIST-01-5
            题型: 简答
            题干(中文): 简述复位后复查X线片需要评估的主要指标。
            参考答案: 桡骨高度、掌倾角及尺偏角是否恢复；关节面台阶是否小于2 mm；下尺桡关节是否对合良好。
            评分要点: 桡骨高度:1; 掌倾角:1; 尺偏角:1; 关节面平整及下尺桡关节对合:1
            分值: 4

            组号: CASE-WRIST-01
            题号: CASE-WRIST-01-6
            题型: 报告
            题干(中文): 请书写本例右腕关节正侧位X线片的诊断报告。
            参考所见: 右侧桡骨远端距关节面约2.5 cm处见横行骨折线，远折端向背侧及桡侧移位，掌倾角消失，侧位呈“餐叉样”畸形；尺骨茎突骨折。腕骨排列正常。
            参考印象: 右侧桡骨远端Colles骨折，合并尺骨茎突骨折。
            评分要点: 骨折部位:2; 移位方向与成角:2; 尺骨茎突骨折:1; 印象诊断正确:3
            分值: 8
            """));
        rows.put(
                ExcelSheet.MATCHING,
                rows(
                        """
            组号: B1-CHEST-01
            组题干(中文): 以下每组题目共用A-E五个备选答案，请为每道题选择一个最佳答案；每个备选答案可选用一次、多次或不选用。
            选项A: 肺错构瘤
            选项B: 肺结核球
            选项C: 周围型肺癌
            选项D: 肺转移瘤
            选项E: 肺炎性假瘤
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 中
            题号: B1-CHEST-01-1
            题干(中文): 结节内见“爆米花样”钙化及脂肪密度
            正确答案: A
            分值: 1

            组号: B1-CHEST-01
            题号: B1-CHEST-01-2
            题干(中文): 结节周围见卫星灶，内见环形或斑点状钙化
            正确答案: B
            分值: 1

            组号: B1-CHEST-01
            题号: B1-CHEST-01-3
            题干(中文): 双肺多发大小不等圆形结节，边缘光滑，以下肺外带为主
            正确答案: D
            分值: 1

            组号: B1-NEURO-01
            选项A: 急性硬膜外血肿
            选项B: 急性硬膜下血肿
            选项C: 蛛网膜下腔出血
            选项D: 脑挫裂伤
            选项E: 慢性硬膜下血肿
            系统: 神经
            亚专业: 颅脑外伤
            难度: 中
            题号: B1-NEURO-01-1
            题干(中文): 颅骨内板下双凸透镜形高密度影，不跨越颅缝
            正确答案: A
            分值: 1

            组号: B1-NEURO-01
            题号: B1-NEURO-01-2
            题干(中文): 颅骨内板下新月形高密度影，可跨越颅缝
            正确答案: B
            分值: 1

            组号: B1-NEURO-01
            题号: B1-NEURO-01-3
            题干(中文): 脑沟、脑池及外侧裂内线状高密度影
            正确答案: C
            分值: 1
            """));
        rows.put(
                ExcelSheet.FILL_IN,
                rows(
                        """
            题号: CHEST-FI-001
            题干(中文): 肺结节按密度可分为实性结节、部分实性结节和______。
            答案: 磨玻璃结节; 纯磨玻璃结节; GGN
            同义词: 磨玻璃=毛玻璃; 结节=肺结节=肺部结节
            忽略空格: 是
            分值: 1
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 易

            题号: NEURO-FI-001
            题干(中文): 急性期脑出血在CT平扫上表现为______密度影。
            答案: 高;高密度
            忽略空格: 是
            分值: 1
            系统: 神经
            亚专业: 脑血管
            诊断: 脑出血
            难度: 易

            题号: MSK-FI-001
            题干(中文): 桡骨远端骨折、远折端向背侧移位者称为______骨折。
            题干(英文): A distal radius fracture with dorsal displacement is called a ______ fracture.
            答案: Colles; 科雷氏
            同义词: 科雷氏=柯莱斯=科利斯
            分值: 1
            影像: DX-WRIST-0001
            系统: 骨肌
            亚专业: 创伤
            诊断: 桡骨远端骨折
            难度: 易
            """));
        rows.put(
                ExcelSheet.NUMERIC,
                rows(
                        """
            题号: CHEST-NU-001
            题干(中文): 请在肺窗上测量右肺上叶结节的最长径。
            题干(英文): Measure the long axis of the right upper lobe nodule on lung window.
            标准值: 12
            允许误差: 1.5
            单位: mm
            分值: 2
            影像: CT-CHEST-0001
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 中
            教学要点: 结节大小是随访与处理决策的依据

            题号: NEURO-NU-001
            题干(中文): 按多田公式（长×宽×层数×层厚÷2）估算血肿体积：长4 cm、宽3 cm、出血层面累计厚度3 cm，体积约为多少毫升？
            标准值: 18
            允许误差: 0.5
            单位: mL
            分值: 2
            系统: 神经
            亚专业: 脑血管
            诊断: 脑出血
            难度: 中
            """));
        rows.put(
                ExcelSheet.HOTSPOT,
                rows(
                        """
            题号: CHEST-HS-001
            题干(中文): 请在图像上点出右肺上叶结节。
            题干(英文): Mark the right upper lobe nodule.
            序列: CT-CHEST-0001
            图像序号: 32
            图像宽: 512
            图像高: 512
            形状: 椭圆
            坐标: 330,210,18,15
            分值: 2
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 中

            题号: NEURO-HS-001
            题干(中文): 请在图像上点出急性梗死区。
            序列: CT-HEAD-0001
            图像序号: 14
            图像宽: 512
            图像高: 512
            形状: 多边形
            坐标: 300,180; 360,190; 370,260; 310,270
            分值: 2
            系统: 神经
            亚专业: 脑血管
            诊断: 急性脑梗死
            难度: 难
            """));
        rows.put(
                ExcelSheet.SHORT_ANSWER,
                rows(
                        """
            题号: CHEST-SA-001
            题干(中文): 简述提示肺结节恶性的主要CT征象。
            参考答案: 分叶征、毛刺征、胸膜凹陷征、空泡征及血管集束征；随访中实性成分增多或体积增大。
            评分要点: 分叶征:1; 毛刺征:1; 胸膜凹陷征:1; 空泡征或血管集束征:1
            分值: 4
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 中

            题号: MSK-SA-001
            题干(中文): 简述Colles骨折与Smith骨折的X线鉴别要点。
            参考答案: 二者均为桡骨远端骨折。Colles骨折远折端向背侧、桡侧移位，侧位呈“餐叉样”畸形；Smith骨折远折端向掌侧移位，呈“反餐叉样”畸形。
            参考答案(英文): Both are distal radius fractures: Colles' with dorsal displacement (dinner-fork deformity), Smith's with volar displacement (reverse deformity).
            分值: 3
            影像: DX-WRIST-0001
            系统: 骨肌
            亚专业: 创伤
            诊断: 桡骨远端骨折
            难度: 易
            """));
        rows.put(
                ExcelSheet.REPORT,
                rows(
                        """
            题号: CHEST-RP-001
            题干(中文): 请根据胸部CT图像书写诊断报告（影像所见与诊断印象）。
            参考所见: 右肺上叶尖段见一实性结节，大小约12 mm×10 mm，边缘分叶，可见短毛刺及胸膜凹陷征，其内见小空泡。纵隔及双肺门未见肿大淋巴结。双侧胸腔未见积液。
            参考印象: 右肺上叶结节，考虑周围型肺癌可能性大，建议增强CT或穿刺活检。
            评分要点: 结节部位与大小:2; 分叶、毛刺、胸膜凹陷等恶性征象:3; 纵隔淋巴结与胸腔情况:1; 印象提示周围型肺癌:3; 合理的进一步检查建议:1
            分值: 10
            影像: CT-CHEST-0001
            系统: 胸部
            亚专业: 肺
            诊断: 肺结节
            难度: 难
            教学要点: 报告应先描述部位、大小，再描述征象 | Location and size first, then signs

            题号: NEURO-RP-001
            题干(中文): 请根据头颅CT平扫图像书写诊断报告。
            参考所见: 右侧基底节区及颞叶见大片状低密度影，边界模糊，右侧脑沟变浅；右侧大脑中动脉走行区见条状高密度影。中线结构居中，脑室系统未见扩张。
            参考印象: 右侧大脑中动脉供血区急性脑梗死；右侧大脑中动脉高密度征。
            评分要点: 低密度区的部位与范围:3
              脑沟变浅等占位效应:2
              大脑中动脉高密度征:2
              印象诊断正确:3
            分值: 10
            影像: CT-HEAD-0001
            系统: 神经
            亚专业: 脑血管
            诊断: 急性脑梗死
            难度: 难
            """));
        return rows;
    }

    /** Rows of "header: value" lines; numbers in number columns become numeric cells, as Excel would store them. */
    private static List<Map<ExcelColumn, Object>> rows(String text) {
        List<Map<ExcelColumn, Object>> rows = new ArrayList<>();
        Map<ExcelColumn, Object> row = new EnumMap<>(ExcelColumn.class);
        ExcelColumn last = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!row.isEmpty()) {
                    rows.add(row);
                    row = new EnumMap<>(ExcelColumn.class);
                }
            } else if (line.startsWith(" ")) {
                row.put(last, row.get(last) + "\n" + line.strip());
            } else {
                int colon = line.indexOf(": ");
                String header = line.substring(0, colon);
                last = Arrays.stream(ExcelColumn.values())
                        .filter(c -> c.zh().equals(header))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no column " + header));
                String value = line.substring(colon + 2).strip();
                row.put(last, NUMBERS.contains(last) ? (Object) Double.valueOf(value) : value);
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }
}
